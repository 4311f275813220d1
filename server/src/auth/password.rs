//! Passwords: the policy (10–128 characters, not on the bundled common-password list) and
//! argon2id hashing at OWASP parameters, run on the blocking pool so the executor keeps serving.

use super::AuthError;
use crate::error::ApiError;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use secrecy::{ExposeSecret, SecretString};
use std::collections::HashSet;
use std::sync::OnceLock;

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 128;

/// A password that satisfies the policy. Its text never reaches logs (`SecretString`).
pub struct NewPassword(SecretString);

impl NewPassword {
    /// `field`: the request field the password came in, named in a refusal.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, AuthError> {
        let len = raw.chars().count();
        if len < MIN_LEN {
            return Err(AuthError::PasswordTooShort { field });
        }
        if len > MAX_LEN {
            return Err(AuthError::PasswordTooLong { field });
        }
        if is_common(raw) {
            return Err(AuthError::PasswordTooCommon { field });
        }
        Ok(Self(SecretString::from(raw.to_string())))
    }

    pub async fn hash(self) -> Result<String, ApiError> {
        let secret = self.0;
        tokio::task::spawn_blocking(move || hash_blocking(secret.expose_secret())).await.map_err(ApiError::internal)?
    }
}

fn common_list() -> &'static HashSet<String> {
    static LIST: OnceLock<HashSet<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../data/common-passwords.txt")
            .lines()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

fn is_common(password: &str) -> bool {
    common_list().contains(&password.to_lowercase())
}

fn hasher() -> Result<Argon2<'static>, ApiError> {
    // OWASP: argon2id, m = 19 MiB, t = 2, p = 1.
    let params = Params::new(19_456, 2, 1, None).map_err(ApiError::internal)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn hash_blocking(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()?.hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(ApiError::internal)
}

/// A hash of an unguessable password, verified against when the email is unknown so both
/// answers take the same time.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let random: String = uuid::Uuid::new_v4().to_string();
        hash_blocking(&random).unwrap_or_default()
    })
}

/// Checks `password` against each stored hash; returns the indexes that match. With no
/// hashes it still spends one verification on a decoy.
pub async fn verify_any(password: SecretString, hashes: Vec<String>) -> Result<Vec<usize>, ApiError> {
    tokio::task::spawn_blocking(move || {
        let argon = hasher()?;
        if hashes.is_empty() {
            if let Ok(parsed) = PasswordHash::new(decoy_hash()) {
                let _ = argon.verify_password(password.expose_secret().as_bytes(), &parsed);
            }
            return Ok(Vec::new());
        }
        Ok(hashes
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                PasswordHash::new(h)
                    .map(|parsed| argon.verify_password(password.expose_secret().as_bytes(), &parsed).is_ok())
                    .unwrap_or(false)
            })
            .map(|(i, _)| i)
            .collect())
    })
    .await
    .map_err(ApiError::internal)?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FeatureError;
    use accord_api::error::Code;

    #[test]
    fn policy() {
        assert_eq!(NewPassword::parse("p", "short").err().unwrap().code(), Code::PasswordTooShort);
        assert_eq!(NewPassword::parse("p", &"x".repeat(129)).err().unwrap().code(), Code::PasswordTooLong);
        assert_eq!(NewPassword::parse("p", "1234567890").err().unwrap().code(), Code::PasswordTooCommon);
        assert_eq!(NewPassword::parse("p", "QWERTYUIOP").err().unwrap().code(), Code::PasswordTooCommon);
        assert!(NewPassword::parse("p", "Зелёный-чайник-42").is_ok());
    }

    #[tokio::test]
    async fn hashes_verify_and_use_owasp_parameters() {
        let hash = NewPassword::parse("p", "Зелёный-чайник-42").unwrap().hash().await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        let ok = verify_any(SecretString::from("Зелёный-чайник-42"), vec!["junk".into(), hash.clone()]).await.unwrap();
        assert_eq!(ok, vec![1]);
        let none = verify_any(SecretString::from("wrong-password-1"), vec![hash]).await.unwrap();
        assert!(none.is_empty());
    }
}
