//! Calendar dates: recognizing the styles letters use (11/23/2016, 10-13-16,
//! April 19, 2011) and simple day arithmetic.

use regex::Regex;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::LazyLock;

/// A calendar date; serializes as ISO 8601 (`2016-11-23`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, JsonSchema)]
#[schemars(with = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid Gregorian date, or None.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days_in_month && (1900..=2100).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(z: i64) -> Date {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date written in any of the styles the letters use, found in `text`:
/// the first match's byte range and value. Two-digit years are 20xx.
pub fn find_date(text: &str) -> Option<(std::ops::Range<usize>, Date)> {
    DATE.find_iter(text)
        .find_map(|m| Some((m.range(), date_of(m.as_str())?)))
}

/// A valid date that `text` starts with: its length and value. The same as
/// a first date of [`find_date`] at 0, with a search that stops at once when
/// the text does not start with one.
pub fn date_at_start(text: &str) -> Option<(usize, Date)> {
    let m = DATE_AT_START.find(text)?;
    Some((m.end(), date_of(m.as_str())?))
}

/// The date a match of [`DATE`] writes, if it is a valid date. Read from the
/// matched text itself: a search with capture groups costs a second,
/// backtracking pass over every match.
pub fn date_of(matched: &str) -> Option<Date> {
    if matched.starts_with(|c: char| c.is_ascii_digit()) {
        // "11/23/2016" or "10-13-16": one separator throughout.
        let separator = if matched.contains('/') { '/' } else { '-' };
        let mut parts = matched.split(separator);
        let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
        let year: u16 = y.parse().ok()?;
        let year = if year < 100 { 2000 + year } else { year };
        Date::new(year, m.parse().ok()?, d.parse().ok()?)
    } else {
        // "April 19, 2011", "Sept. 3rd 2015". Case-insensitive matching also
        // admits look-alikes such as 'ſ' for 's'; comparing whole characters
        // keeps those from matching a month.
        let prefix: String = matched
            .chars()
            .take(3)
            .flat_map(char::to_lowercase)
            .collect();
        let month = MONTHS.iter().position(|full| full.starts_with(&prefix))? as u8 + 1;
        let mut numbers = matched
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty());
        let (day, year) = (numbers.next()?, numbers.next()?);
        Date::new(year.parse().ok()?, month, day.parse().ok()?)
    }
}

/// A full date: month/day/year or month-day-year (one separator throughout,
/// so a pain score such as "5-7/10" is no date), or "April 19, 2011". The
/// groups document the parts; [`date_of`] reads them from the match.
pub const DATE_PATTERN: &str = r"(?xi)
        \b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b
        | \b(?P<m3>\d{1,2})-(?P<d3>\d{1,2})-(?P<y3>\d{4}|\d{2})\b
        | \b(?P<mname>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})\b";

pub static DATE: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern(DATE_PATTERN).expect("date pattern"));
static DATE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern(&format!("^(?:{DATE_PATTERN})")).expect("date at start pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles() {
        let d = |y, m, dd| Some(Date::new(y, m, dd).unwrap());
        let whole = |text: &str| {
            find_date(text)
                .filter(|(range, _)| *range == (0..text.len()))
                .map(|(_, date)| date)
        };
        for (text, date) in [
            ("11/23/2016", d(2016, 11, 23)),
            ("10-13-16", d(2016, 10, 13)),
            ("April 19, 2011", d(2011, 4, 19)),
            ("Sept. 3, 2015", d(2015, 9, 3)),
            ("13/45/2016", None),
            ("0105-2017", None),
        ] {
            assert_eq!(whole(text), date, "{text}");
            assert_eq!(date_of(text), date, "{text}");
        }
        assert_eq!(find_date("pain rated 5-7/10 today"), None);
    }

    #[test]
    fn arithmetic_round_trips() {
        let d = Date::new(2016, 12, 9).unwrap();
        assert_eq!(d.add_days(30).to_string(), "2017-01-08");
        assert_eq!(
            Date::new(2016, 2, 28).unwrap().add_days(1).to_string(),
            "2016-02-29"
        );
        for z in [-1000, 0, 17000, 20000] {
            assert_eq!(Date::from_days_since_epoch(z).days_since_epoch(), z);
        }
    }
}
