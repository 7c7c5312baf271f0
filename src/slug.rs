//! Ids and file names from free text: `Één kind, één plan` → `een-kind-een-plan`.

/// Lowercase ASCII letters and digits joined by single hyphens. Accented Latin letters lose
/// their accent so Dutch words stay readable in URLs and anchors.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(ascii) => {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push_str(ascii);
            }
            None => pending_dash = true,
        }
    }
    out
}

/// The ASCII spelling of a lowercase character, or None for a separator.
fn fold(c: char) -> Option<&'static str> {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    let s = match c {
        '0'..='9' => ASCII[c as usize - '0' as usize],
        'a'..='z' => ASCII[10 + c as usize - 'a' as usize],
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ĳ' => "ij",
        'ß' => "ss",
        _ => return None,
    };
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn dutch_text_becomes_readable_ids() {
        assert_eq!(slugify("Één kind, één plan"), "een-kind-een-plan");
        assert_eq!(
            slugify("  Artikel 21a Leerplichtwet "),
            "artikel-21a-leerplichtwet"
        );
        assert_eq!(slugify("J&G-coach"), "j-g-coach");
        assert_eq!(slugify("!!!"), "");
    }
}
