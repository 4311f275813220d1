//! A real SMTP server for tests: Python's aiosmtpd (from PyPI, installed by scripts/test)
//! writing every received message into a Maildir, which tests read back.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    child: Child,
    pub port: u16,
    maildir: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub to: String,
    pub from: String,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: String,
    /// (file name, content type, bytes) of each attachment.
    pub attachments: Vec<(String, String, Vec<u8>)>,
}

impl ReceivedMail {
    /// The first link in the text body that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> String {
        let start = self.text.find(prefix).unwrap_or_else(|| panic!("no link {prefix} in mail:\n{}", self.text));
        self.text[start..].split_whitespace().next().unwrap_or_default().to_string()
    }

    /// The token carried in the link's fragment.
    pub fn token(&self, prefix: &str) -> String {
        self.link(prefix).split_once('#').map(|(_, t)| t.to_string()).expect("token in fragment")
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

fn aiosmtpd_available() -> bool {
    Command::new("python3").args(["-c", "import aiosmtpd"]).status().map(|s| s.success()).unwrap_or(false)
}

/// Starts a server, or returns `None` (loudly) where aiosmtpd is missing outside CI.
pub fn start() -> Option<SmtpServer> {
    if !aiosmtpd_available() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("aiosmtpd is not installed (python3 -m pip install aiosmtpd); scripts/test installs it");
        }
        eprintln!("SKIPPED: mail test (python3 module aiosmtpd not installed; scripts/test installs it)");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let maildir = dir.path().join("maildir");
    let port = free_port();
    let child = Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn aiosmtpd");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "aiosmtpd did not start on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(SmtpServer { child, port, maildir, _dir: dir })
}

impl SmtpServer {
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<ReceivedMail> {
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(self.maildir.join(sub)) else { continue };
            for entry in entries.flatten() {
                let Ok(raw) = std::fs::read(entry.path()) else { continue };
                if let Some(mail) = parse(&raw) {
                    out.push(mail);
                }
            }
        }
        out
    }

    /// Waits up to 15 s for `count` messages to `to`; returns them.
    pub async fn wait_for(&self, to: &str, count: usize) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let got: Vec<ReceivedMail> = self.received().into_iter().filter(|m| m.to.contains(to)).collect();
            if got.len() >= count {
                return got;
            }
            assert!(Instant::now() < deadline, "expected {count} mail(s) to {to}, got {}", got.len());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

fn parse(raw: &[u8]) -> Option<ReceivedMail> {
    use mail_parser::MimeHeaders;
    let msg = mail_parser::MessageParser::default().parse(raw)?;
    let addr = |a: Option<&mail_parser::Address>| {
        a.and_then(|a| a.first()).and_then(|a| a.address()).map(str::to_string).unwrap_or_default()
    };
    Some(ReceivedMail {
        to: addr(msg.to()),
        from: addr(msg.from()),
        subject: msg.subject().unwrap_or_default().to_string(),
        message_id: msg.message_id().unwrap_or_default().to_string(),
        text: msg.body_text(0).map(|t| t.to_string()).unwrap_or_default(),
        html: msg.body_html(0).map(|t| t.to_string()).unwrap_or_default(),
        attachments: msg
            .attachments()
            .map(|a| {
                let kind = a
                    .content_type()
                    .map(|t| format!("{}/{}", t.ctype(), t.subtype().unwrap_or_default()))
                    .unwrap_or_default();
                (a.attachment_name().unwrap_or_default().to_string(), kind, a.contents().to_vec())
            })
            .collect(),
    })
}
