//! The record of every request the browser's pages make, read from Chrome's performance log
//! (DevTools `Network.requestWillBeSent` events, which chromedriver collects when the session
//! asks for `goog:loggingPrefs: {performance: ALL}`): stylesheets, images, favicons, form posts
//! and navigations alike, whatever started them.
use fantoccini::Client;

use crate::browser::driver::Chromedriver;
use serde_json::{Value, json};

/// The URLs requested since the last read (chromedriver empties the log as it answers).
pub async fn read(client: &Client) -> Vec<String> {
    // chromedriver's `se/log` command, asking for the performance log.
    let command = Chromedriver { endpoint: "se/log", body: json!({ "type": "performance" }) };
    let entries = client.issue_cmd(command).await.expect("read Chrome's performance log");
    requested(&entries)
}

/// Each log entry's `message` is a JSON document in a string: `{"message": {"method", "params"}}`.
fn requested(entries: &Value) -> Vec<String> {
    let mut urls = Vec::new();
    for entry in entries.as_array().into_iter().flatten() {
        let Some(Ok(message)) = entry["message"].as_str().map(serde_json::from_str::<Value>) else { continue };
        let event = &message["message"];
        if event["method"] == "Network.requestWillBeSent"
            && let Some(url) = event["params"]["request"]["url"].as_str()
        {
            urls.push(url.to_string());
        }
    }
    urls
}

/// The URLs in `requests` whose origin is not `origin`'s; `data:` and `about:` are the browser's
/// own and load nothing from anywhere.
pub fn foreign<'a>(origin: &str, requests: &'a [String]) -> Vec<&'a str> {
    let home = url::Url::parse(origin).expect("the instance's URL").origin();
    requests
        .iter()
        .map(String::as_str)
        .filter(|u| !(u.starts_with("data:") || u.starts_with("about:")))
        .filter(|u| url::Url::parse(u).map_or(true, |u| u.origin() != home))
        .collect()
}

#[test]
fn requests_are_read_from_the_performance_log() {
    let event = |method: &str, url: &str| {
        let message = json!({ "message": { "method": method, "params": { "request": { "url": url } } } });
        json!({ "level": "INFO", "message": message.to_string(), "timestamp": 0 })
    };
    let entries = json!([
        event("Network.requestWillBeSent", "http://127.0.0.1:8000/"),
        event("Network.responseReceived", "http://127.0.0.1:8000/ignored"),
        { "level": "INFO", "message": "not JSON", "timestamp": 0 },
        event("Network.requestWillBeSent", "http://127.0.0.1:8000/static/css/main.css"),
    ]);
    assert_eq!(requested(&entries), ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/static/css/main.css"]);
}

#[test]
fn only_the_instances_own_origin_is_home() {
    let home = [
        "http://127.0.0.1:8000/o/friends/trees",
        "http://127.0.0.1:8000/static/css/main.css?v=1",
        "data:image/gif;base64,R0lGODlh",
        "about:blank",
    ];
    let elsewhere = [
        "http://127.0.0.1:8001/",
        "http://localhost:8000/",
        "https://127.0.0.1:8000/",
        "http://127.0.0.1.example:8000/",
        "chrome://resources/css/roboto.css",
        "not a URL",
    ];
    let requests: Vec<String> = home.iter().chain(&elsewhere).map(|r| r.to_string()).collect();
    assert_eq!(foreign("http://127.0.0.1:8000", &requests), elsewhere);
}
