//! The Dutch text pipeline of the search index: tokenizer, trimmer, stop words, stemmer.
//!
//! elasticlunr-rs' own `du` language trims every character that is not a Latin letter, so
//! `2016`, `21a` and `16` vanish from the index and a legal handbook cannot find its articles.
//! This language keeps digits and otherwise reuses the `du` stop word filter and Snowball
//! stemmer, followed by one step of our own, [`UNDOUBLE`]. The browser's query side
//! (`static/js/lib/search-pipeline.js`) implements the same steps under the same names;
//! `tests/golden/search-words.tsv` holds both sides to it.

use elasticlunr::lang::common::RegexTrimmer;
use elasticlunr::lang::{tokenize_whitespace, Dutch, Language};
use elasticlunr::pipeline::{Pipeline, PipelineFn};

/// Name of the trimmer in the serialized index; the browser registers the same name.
pub const TRIMMER: &str = "trimmer-nl-digits";

/// Name of the step after the stemmer that drops one letter of a final double consonant.
pub const UNDOUBLE: &str = "undouble-nl";

/// The pipeline's step names, in order, as the index lists them and the browser checks them.
pub const NAMES: [&str; 4] = [TRIMMER, "stopWordFilter-du", "stemmer-du", UNDOUBLE];

#[derive(Clone, Copy, Default)]
pub struct DutchWithDigits;

impl Language for DutchWithDigits {
    fn name(&self) -> String {
        // The index records this name; elasticlunr.js ignores it, our client checks the
        // pipeline names instead.
        "Dutch".into()
    }

    fn code(&self) -> String {
        "du".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize_whitespace(text)
            .into_iter()
            .map(|token| cap(token, MAX_TOKEN_CHARS))
            .collect()
    }

    fn make_pipeline(&self) -> Pipeline {
        let mut queue: Vec<Box<dyn PipelineFn>> = vec![Box::new(Trimmer::new())];
        // Stop words and stemmer exactly as elasticlunr-rs' `du` language has them.
        queue.extend(Dutch::new().make_pipeline().queue.into_iter().skip(1));
        queue.push(Box::new(Undouble));
        Pipeline { queue }
    }
}

/// Longer tokens are cut to this many characters, here and in the browser alike. No Dutch
/// word comes near it, and elasticlunr-rs keeps tokens in a trie that it drops recursively,
/// one level per character: a 12 000-character "word" (a line of base64, say) overflowed the
/// stack and aborted the build.
pub const MAX_TOKEN_CHARS: usize = 64;

fn cap(token: String, max: usize) -> String {
    match token.char_indices().nth(max) {
        Some((end, _)) => token[..end].to_string(),
        None => token,
    }
}

/// Removes leading and trailing characters that are neither Latin letters nor digits.
struct Trimmer {
    regex: RegexTrimmer,
}

impl Trimmer {
    fn new() -> Self {
        Trimmer {
            regex: RegexTrimmer::new(TRIMMER, r"\p{Latin}\p{Nd}"),
        }
    }
}

impl PipelineFn for Trimmer {
    fn name(&self) -> String {
        TRIMMER.into()
    }

    fn filter(&self, token: String) -> Option<String> {
        // Most tokens start and end with an ASCII letter or digit, which the regex would
        // leave alone; skipping it for them halves indexing time on large handbooks.
        let ascii_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_word(token.chars().next()) && ascii_word(token.chars().next_back()) {
            return Some(token);
        }
        self.regex.filter(token)
    }
}

/// `undouble-nl`: Snowball Dutch undoubles only `kk`, `dd` and `tt` after removing an ending,
/// so `protocollen` stems to `protocoll` while `protocol` stays `protocol`, and `processen`
/// to `process` against `proces`: the plural missed the singular. Dropping one letter of any
/// final double consonant (of a token of at least three characters) makes them meet. Digits
/// are not consonants: `11` stays `11`.
struct Undouble;

impl PipelineFn for Undouble {
    fn name(&self) -> String {
        UNDOUBLE.into()
    }

    fn filter(&self, token: String) -> Option<String> {
        Some(undouble(token))
    }
}

/// The letters that count as consonants: ASCII, as the Snowball stemmer's own rules are.
fn is_consonant(c: char) -> bool {
    c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// `protocoll` → `protocol`; anything else unchanged.
pub fn undouble(mut token: String) -> String {
    let mut end = token.chars().rev();
    let (last, before) = (end.next(), end.next());
    if last.is_some_and(is_consonant) && last == before && end.next().is_some() {
        token.pop();
    }
    token
}

/// The tokens a text becomes in the index (and, in the browser, a query).
pub fn tokens(pipeline: &Pipeline, text: &str) -> Vec<String> {
    pipeline.run(DutchWithDigits.tokenize(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<String> {
        tokens(&DutchWithDigits.make_pipeline(), text)
    }

    #[test]
    fn long_tokens_are_cut_to_the_same_length_as_in_the_browser() {
        let long = "é".repeat(70);
        let tokens = DutchWithDigits.tokenize(&format!("{long} kort"));
        assert_eq!(tokens[0].chars().count(), MAX_TOKEN_CHARS);
        assert_eq!(tokens[1], "kort");
        assert_eq!(cap("abc".into(), 64), "abc");
    }

    #[test]
    fn digits_survive_and_dutch_forms_share_stems() {
        assert_eq!(
            run("artikel 21a, sinds 2016 (16 uur)"),
            ["artikel", "21a", "sind", "2016", "16", "uur"]
        );
        assert_eq!(run("COVID-19"), ["covid", "19"]);
        assert_eq!(run("thuiszitters"), run("thuiszitter"));
        assert_eq!(run("scholen"), run("school"));
        assert_eq!(run("gemeenten"), run("gemeente"));
        assert_eq!(run("leerplichtambtenaren"), run("leerplichtambtenaar"));
        assert_eq!(run("de en van"), Vec::<String>::new());
        assert_eq!(run("«één»"), run("één"));
    }

    #[test]
    fn pipeline_names_are_what_the_client_expects() {
        let names: Vec<String> = DutchWithDigits
            .make_pipeline()
            .queue
            .iter()
            .map(|f| f.name())
            .collect();
        assert_eq!(names, NAMES);
    }

    #[test]
    fn plural_and_singular_meet_after_undoubling() {
        assert_eq!(run("protocollen"), run("protocol"));
        assert_eq!(run("processen"), run("proces"));
        assert_eq!(run("artikel 11"), ["artikel", "11"]);
        assert_eq!(undouble("ss".into()), "ss");
        assert_eq!(undouble("mass".into()), "mas");
        assert_eq!(undouble("hee".into()), "hee");
    }
}
