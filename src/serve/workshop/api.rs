//! The workshop's HTTP interface (documented in `docs/workshop-api.md`): the files of the
//! build for everyone in the room, one POST for a phone's answers, and the trainer's
//! endpoints, which answer only on the laptop itself (a loopback connection).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{middleware, Extension, Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::instruments::Instrument;
use super::net;
use super::rate::RateLimit;
use super::session::{now_ms, Store};
use super::submission::{self, Refusal, MAX_BODY};
use crate::serve::files;
use crate::serve::http::{self, method_not_allowed, Hosts, Peer};

/// How long the trainer's page waits for news before it hears the same state again.
const POLL: Duration = Duration::from_secs(25);
/// A body must arrive within this time, however slowly a client sends it.
const BODY_TIME: Duration = Duration::from_secs(10);

/// Everything the handlers share.
pub struct Workshop {
    pub out: std::path::PathBuf,
    pub instruments: BTreeMap<String, Instrument>,
    pub store: Mutex<Store>,
    /// The store's `seq` after every change, for the trainer's long poll.
    pub changes: tokio::sync::watch::Sender<u64>,
    pub limit: RateLimit,
    /// `http://ADDRESS:PORT` as phones reach it (the loopback address without a network).
    pub public_base: String,
    /// `http://127.0.0.1:PORT`.
    pub trainer_base: String,
    /// Values of the Origin header that our own pages send.
    pub origins: Vec<String>,
}

type Shared = Arc<Workshop>;

impl Workshop {
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The page phones open: one instrument's participant page, or the list of instruments.
    pub fn participant_url(&self, instrument: Option<&str>) -> String {
        let code = self.store().code().as_str().to_string();
        match instrument {
            Some(id) => format!(
                "{}/instrumenten/{id}-deelnemen.html?sessie={code}",
                self.public_base
            ),
            None => format!("{}/instrumenten/?sessie={code}", self.public_base),
        }
    }

    fn publish(&self, seq: u64) {
        self.changes.send_replace(seq);
    }
}

pub fn router(workshop: Shared, hosts: Hosts) -> Router {
    Router::new()
        .route("/_workshop/inzending", any(submit))
        .route("/_workshop/sessie", any(session_check))
        .route("/_workshop/stand", any(stand))
        .route("/_workshop/info", any(info))
        .route("/_workshop/qr.svg", any(qr))
        .route("/_workshop/export", any(export))
        .route("/_workshop/sluiten", any(close))
        .route("/_workshop/openen", any(reopen))
        .route("/_workshop/wissen", any(clear))
        .route("/_workshop/{*rest}", any(unknown_endpoint))
        .fallback(file)
        .with_state(workshop)
        .layer(middleware::from_fn_with_state(Arc::new(hosts), http::guard))
}

async fn file(State(w): State<Shared>, method: Method, uri: Uri) -> Response {
    files::respond(w.out.clone(), &method, &uri, None).await
}

async fn unknown_endpoint() -> Response {
    refusal(Refusal::new(
        StatusCode::NOT_FOUND,
        "onbekend",
        "Dit adres kent de workshop niet.",
    ))
}

fn refusal(r: Refusal) -> Response {
    (
        r.status,
        Json(json!({"fout": r.code, "melding": r.message})),
    )
        .into_response()
}

fn rate_limited() -> Response {
    let mut response = refusal(Refusal::new(
        StatusCode::TOO_MANY_REQUESTS,
        "te-vaak",
        "Te veel verzoeken achter elkaar vanaf dit apparaat. Wacht een paar seconden en probeer het opnieuw.",
    ));
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    response
}

/// Trainer endpoints answer only a browser on the laptop itself: the refusal otherwise.
fn not_trainer(w: &Workshop, peer: SocketAddr) -> Option<Response> {
    if peer.ip().is_loopback() {
        None
    } else {
        Some(refusal(Refusal::new(
            StatusCode::FORBIDDEN,
            "alleen-trainer",
            format!(
                "Dit deel van de workshop werkt alleen op de laptop van de trainer, via {}/workshop.html.",
                w.trainer_base
            ),
        )))
    }
}

/// A POST must carry JSON and, when the browser names its origin, come from our own pages:
/// a form on another site cannot send JSON without asking first, and we never say yes.
/// The refusal when it does not.
fn not_our_post(w: &Workshop, method: &Method, headers: &HeaderMap) -> Option<Response> {
    if method != Method::POST {
        return Some(method_not_allowed("POST"));
    }
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
        });
    if !json {
        return Some(refusal(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "soort",
            "Stuur de inzending als JSON (Content-Type: application/json).",
        )));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let ours = origin
            .to_str()
            .is_ok_and(|o| w.origins.iter().any(|ok| ok.eq_ignore_ascii_case(o)));
        if !ours {
            return Some(refusal(Refusal::new(
                StatusCode::FORBIDDEN,
                "herkomst",
                "Inzendingen komen alleen van de pagina's van deze workshop.",
            )));
        }
    }
    None
}

/// Read a body of at most [`MAX_BODY`] bytes within [`BODY_TIME`].
async fn small_body(request: Request) -> Result<axum::body::Bytes, Response> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(refusal(submission::too_large()));
    }
    let body = request.into_body();
    match tokio::time::timeout(BODY_TIME, axum::body::to_bytes(body, MAX_BODY)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(refusal(submission::too_large())),
        Err(_) => Err(refusal(Refusal::new(
            StatusCode::REQUEST_TIMEOUT,
            "te-traag",
            "De inzending kwam te langzaam binnen. Probeer het opnieuw.",
        ))),
    }
}

async fn submit(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    request: Request,
) -> Response {
    if let Some(response) = not_our_post(&w, request.method(), request.headers()) {
        return response;
    }
    // Read the (small) body before refusing, so the connection stays usable for the next
    // request; a refusal with an unread body makes the connection close.
    let body = match small_body(request).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    if !w.limit.allow(peer.ip()) {
        return rate_limited();
    }
    let worker = Arc::clone(&w);
    let stored = tokio::task::spawn_blocking(move || store_submission(&worker, &body)).await;
    match stored {
        Ok(Ok((replaced, count, seq))) => {
            w.publish(seq);
            (
                StatusCode::OK,
                Json(json!({"ok": true, "vervangen": replaced, "aantal": count})),
            )
                .into_response()
        }
        Ok(Err(r)) => refusal(r),
        Err(_) => refusal(storage_failed()),
    }
}

fn storage_failed() -> Refusal {
    Refusal::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "opslag",
        "De laptop van de trainer kon je antwoorden niet bewaren. Probeer het over een minuut opnieuw en zeg het tegen de trainer.",
    )
}

/// Check and store under the lock, so that checking "open" and writing are one step.
fn store_submission(w: &Workshop, body: &[u8]) -> Result<(bool, usize, u64), Refusal> {
    let mut store = w.store();
    let checked = submission::check(body, store.code(), &w.instruments, now_ms())?;
    if !store.is_open() {
        return Err(Refusal::new(
            StatusCode::GONE,
            "gesloten",
            "De trainer heeft de sessie gesloten: inzenden kan niet meer. Je antwoorden blijven op je telefoon bewaard.",
        ));
    }
    let instrument = checked.instrument.clone();
    let replaced = store.add(checked).map_err(|e| {
        eprintln!(
            "fout: inzending niet bewaard in {}: {e}",
            store.data_file().display()
        );
        storage_failed()
    })?;
    let count = store
        .counts()
        .get(instrument.as_str())
        .copied()
        .unwrap_or(0);
    Ok((replaced, count, store.seq()))
}

#[derive(Deserialize)]
struct CodeQuery {
    code: Option<String>,
}

/// For a participant's page: is this session code right, and is the session open?
async fn session_check(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    method: Method,
    Query(query): Query<CodeQuery>,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed("GET, HEAD");
    }
    if !w.limit.allow(peer.ip()) {
        return rate_limited();
    }
    let store = w.store();
    if !query
        .code
        .as_deref()
        .is_some_and(|c| store.code().matches(c))
    {
        return refusal(Refusal::new(
            StatusCode::FORBIDDEN,
            "sessie",
            "De sessiecode klopt niet. Scan de QR-code van de trainer opnieuw.",
        ));
    }
    let instruments: Vec<Value> = w
        .instruments
        .values()
        .map(|i| json!({"id": i.id, "version": i.version, "title": i.title}))
        .collect();
    Json(json!({"open": store.is_open(), "instruments": instruments})).into_response()
}

/// The whole state for the trainer's page.
fn standing(w: &Workshop) -> Value {
    let store = w.store();
    json!({
        "sessie": store.code().grouped(),
        "open": store.is_open(),
        "seq": store.seq(),
        "counts": store.counts(),
        "submissions": store.submissions(),
    })
}

#[derive(Deserialize)]
struct Since {
    since: Option<u64>,
}

/// Long poll: at once without `since` or when `seq` differs from it, else when it changes
/// (at most [`POLL`] later).
async fn stand(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    method: Method,
    Query(since): Query<Since>,
) -> Response {
    if method != Method::GET {
        return method_not_allowed("GET");
    }
    if let Some(response) = not_trainer(&w, peer) {
        return response;
    }
    if let Some(seen) = since.since {
        let mut rx = w.changes.subscribe();
        let _ = tokio::time::timeout(POLL, rx.wait_for(|seq| *seq != seen)).await;
    }
    Json(standing(&w)).into_response()
}

async fn info(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    method: Method,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed("GET, HEAD");
    }
    if let Some(response) = not_trainer(&w, peer) {
        return response;
    }
    let participant_url = w.participant_url(None);
    let store = w.store();
    let instruments: BTreeMap<&str, String> = w
        .instruments
        .keys()
        .map(|id| {
            (
                id.as_str(),
                format!(
                    "{}/instrumenten/{id}-deelnemen.html?sessie={}",
                    w.public_base,
                    store.code().as_str()
                ),
            )
        })
        .collect();
    Json(json!({
        "sessie": store.code().grouped(),
        "code": store.code().as_str(),
        "open": store.is_open(),
        "started": store.started(),
        "network": w.public_base != w.trainer_base,
        "participant_url": participant_url,
        "participant_urls": instruments,
        "data_file": store.data_file().display().to_string(),
    }))
    .into_response()
}

#[derive(Deserialize)]
struct QrQuery {
    instrument: Option<String>,
}

async fn qr(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    method: Method,
    Query(query): Query<QrQuery>,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed("GET, HEAD");
    }
    if let Some(response) = not_trainer(&w, peer) {
        return response;
    }
    let instrument = match query.instrument.as_deref() {
        None => None,
        Some(id) if w.instruments.contains_key(id) => Some(id),
        Some(_) => {
            return refusal(Refusal::new(
                StatusCode::NOT_FOUND,
                "instrument",
                "Dit instrument kent de workshop niet.",
            ))
        }
    };
    match net::svg_qr(&w.participant_url(instrument)) {
        Some(svg) => http::typed(StatusCode::OK, "image/svg+xml", svg),
        None => refusal(Refusal::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "qr",
            "De QR-code kon niet worden gemaakt; geef de deelnemers het adres.",
        )),
    }
}

async fn export(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    method: Method,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed("GET, HEAD");
    }
    if let Some(response) = not_trainer(&w, peer) {
        return response;
    }
    let (body, code) = {
        let store = w.store();
        (
            json!({
                "format": "leerrecht-workshop/1",
                "sessie": store.code().grouped(),
                "open": store.is_open(),
                "exported": now_ms(),
                "submissions": store.submissions(),
            }),
            store.code().as_str().to_string(),
        )
    };
    let mut response = Json(body).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"leerrecht-workshop-{code}.json\""
    )) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A trainer's change: POST with JSON from our pages on the laptop itself.
async fn trainer_change(
    w: Shared,
    peer: SocketAddr,
    request: Request,
    change: fn(&mut Store, &Value) -> Result<Value, Refusal>,
) -> Response {
    if let Some(response) = not_trainer(&w, peer) {
        return response;
    }
    if let Some(response) = not_our_post(&w, request.method(), request.headers()) {
        return response;
    }
    let body = match small_body(request).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let value: Value = if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(value) => value,
            Err(_) => {
                return refusal(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    "opmaak",
                    "Het verzoek is geen geldige JSON.",
                ))
            }
        }
    };
    let worker = Arc::clone(&w);
    let done = tokio::task::spawn_blocking(move || {
        let mut store = worker.store();
        change(&mut store, &value).map(|answer| (answer, store.seq()))
    })
    .await;
    match done {
        Ok(Ok((answer, seq))) => {
            w.publish(seq);
            Json(answer).into_response()
        }
        Ok(Err(r)) => refusal(r),
        Err(_) => refusal(storage_failed()),
    }
}

fn disk_error(e: std::io::Error) -> Refusal {
    eprintln!("fout: de sessie kon niet worden bijgewerkt: {e}");
    Refusal::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "opslag",
        format!("De sessie kon niet worden bijgewerkt op schijf: {e}"),
    )
}

async fn close(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    request: Request,
) -> Response {
    trainer_change(w, peer, request, |store, _| {
        store.set_open(false).map_err(disk_error)?;
        Ok(json!({"ok": true, "open": false}))
    })
    .await
}

async fn reopen(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    request: Request,
) -> Response {
    trainer_change(w, peer, request, |store, _| {
        store.set_open(true).map_err(disk_error)?;
        Ok(json!({"ok": true, "open": true}))
    })
    .await
}

/// Removing everything asks for the session code in the body, so a stray request cannot.
async fn clear(
    State(w): State<Shared>,
    Extension(Peer(peer)): Extension<Peer>,
    request: Request,
) -> Response {
    trainer_change(w, peer, request, |store, body| {
        let confirmed = body
            .get("sessie")
            .and_then(Value::as_str)
            .is_some_and(|c| store.code().matches(c));
        if !confirmed {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "bevestiging",
                "Stuur de sessiecode mee ({\"sessie\": \"…\"}) om alle inzendingen te wissen.",
            ));
        }
        let removed = store.clear().map_err(disk_error)?;
        Ok(json!({"ok": true, "removed": removed}))
    })
    .await
}
