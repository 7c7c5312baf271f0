//! Where phones can reach the trainer's laptop, and the QR code that takes them there.

use std::net::{IpAddr, Ipv4Addr, UdpSocket};

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode};

/// The laptop's address on the local network, found without sending anything: "connecting"
/// a UDP socket only picks the route and with it the local address. Private ranges first,
/// so a laptop on a phone's hotspot finds the hotspot's address.
pub fn lan_address() -> Option<IpAddr> {
    let probes = [
        Ipv4Addr::new(10, 255, 255, 254),
        Ipv4Addr::new(192, 168, 255, 254),
        Ipv4Addr::new(172, 31, 255, 254),
    ];
    probes.into_iter().find_map(|probe| {
        let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
        socket.connect((probe, 9)).ok()?;
        let ip = socket.local_addr().ok()?.ip();
        (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
    })
}

/// The QR code of `url` for a terminal: two modules per character with half blocks, light
/// modules drawn, as on the usual dark terminal (a scanner reads the quiet zone as light).
pub fn terminal_qr(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url, EcLevel::M).ok()?;
    Some(
        code.render::<unicode::Dense1x2>()
            .dark_color(unicode::Dense1x2::Light)
            .light_color(unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

/// The QR code of `url` as an SVG document for the trainer's page.
pub fn svg_qr(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url, EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(320, 320)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_codes_render_for_a_participant_url() {
        let url =
            "http://192.168.1.20:1112/instrumenten/tien-punten-deelnemen.html?sessie=K7QM2XPA";
        let text = terminal_qr(url).unwrap();
        assert!(text.contains('▀') || text.contains('▄') || text.contains('█'));
        let svg = svg_qr(url).unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert!(!svg.contains("<script"));
    }
}
