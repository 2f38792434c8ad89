//! The URL fragment and its query (`#/VIEW?key=value&…`): any text parses to a route, and the
//! route written back parses to itself.
#![no_main]
use iij_explorer::route::{parse_query, percent_decode, Route};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let route = Route::parse(text);
    assert_eq!(Route::parse(&route.to_string()), route, "{text:?}");
    let _ = parse_query(text);
    let _ = percent_decode(text);
    let _ = iij_explorer::route::anchor_id(text);
});
