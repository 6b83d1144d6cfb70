//! The HTTP layer's one error type, and the errors of starting a server.
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dyad_store::StoreError;

/// An error answered to a client: a status, a stable machine-readable code and a message
/// safe to show. Internal details go to the server's log, never into the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable code (`bad_request`, `not_found`, …).
    pub code: &'static str,
    /// Human-readable message.
    pub message: String,
}

impl ApiError {
    /// 400 with a message naming the bad parameter.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            message: message.into(),
        }
    }

    /// 404 for a missing resource.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: message.into(),
        }
    }

    /// 500 with a fixed message; `detail` goes to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("dyad-serve: internal error: {detail}");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: "internal server error".into(),
        }
    }

    /// The error a bare status stands for (a 405 from the router, a fallback 404 …).
    pub fn from_status(status: StatusCode) -> ApiError {
        let (code, message) = match status {
            StatusCode::NOT_FOUND => ("not_found", "no such resource"),
            StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "method not allowed"),
            StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "request body too large"),
            StatusCode::URI_TOO_LONG => ("uri_too_long", "request URI too long"),
            StatusCode::REQUEST_TIMEOUT => ("timeout", "request timed out"),
            StatusCode::SERVICE_UNAVAILABLE => ("unavailable", "service unavailable, try again"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                ("unsupported_media_type", "unsupported media type")
            }
            s if s.is_client_error() => ("bad_request", "bad request"),
            _ => ("internal", "internal server error"),
        };
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            // A bad full-text expression is the client's: its message quotes their input.
            StoreError::Query(m) => ApiError {
                status: StatusCode::BAD_REQUEST,
                code: "bad_query",
                message: m,
            },
            StoreError::Locked { .. } => {
                eprintln!("dyad-serve: {e}");
                ApiError::from_status(StatusCode::SERVICE_UNAVAILABLE)
            }
            e => ApiError::internal(e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": {"code": self.code, "message": self.message}});
        (self.status, Json(body)).into_response()
    }
}

/// Why a server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The store could not be opened for reading.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address could not be bound or the server failed.
    #[error("{addr}: {source}")]
    Io {
        /// The address.
        addr: String,
        /// The I/O error.
        source: std::io::Error,
    },
}
