//! The frecency score: an exponentially decayed sum of event weights (viewed 1.0, synced
//! 0.5, accessed 0.2, managed 0) that halves every half-life, mapped monotonically onto the
//! original tool's 0–100 scale and five categories.
//!
//! A file's aggregate keeps `(score, score_at)`: the decayed sum as of its latest event.
//! Adding an event or reading the score at any later time is one multiplication by
//! `2^(-Δt/h)`, so no event ever has to be read again (and pruning old events changes
//! nothing but what the decay already does).

use serde::Serialize;

/// The default half-life: 90 days.
pub const DEFAULT_HALF_LIFE_SECS: i64 = 90 * 86_400;

/// Decay parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreModel {
    /// Seconds for a weight to halve.
    pub half_life_secs: f64,
}

impl Default for ScoreModel {
    fn default() -> Self {
        ScoreModel {
            half_life_secs: DEFAULT_HALF_LIFE_SECS as f64,
        }
    }
}

impl ScoreModel {
    /// A model with a half-life in days.
    pub fn days(days: f64) -> ScoreModel {
        ScoreModel {
            half_life_secs: days * 86_400.0,
        }
    }

    /// The factor a value loses over `dt` seconds (1 for dt <= 0).
    pub fn decay(&self, dt: i64) -> f64 {
        if dt <= 0 {
            1.0
        } else {
            (-(dt as f64) / self.half_life_secs).exp2()
        }
    }

    /// Fold an event of weight `w` at `t` into the aggregate `(score, at)`.
    pub fn add(&self, agg: (f64, i64), w: f64, t: i64) -> (f64, i64) {
        let (s, at) = agg;
        if t >= at {
            (s * self.decay(t - at) + w, t)
        } else {
            (s + w * self.decay(at - t), at)
        }
    }

    /// Merge two aggregates (e.g. a moved file onto an existing history).
    pub fn merge(&self, a: (f64, i64), b: (f64, i64)) -> (f64, i64) {
        self.add(a, b.0, b.1)
    }

    /// The decayed sum of an aggregate seen at `now`.
    pub fn value_at(&self, agg: (f64, i64), now: i64) -> f64 {
        agg.0 * self.decay(now - agg.1)
    }
}

/// The decayed sum mapped onto 0–100: `100 · (1 − 2^(−s))`. One view today is 50, two
/// are 75, one view a half-life ago is about 29; the mapping is strictly increasing.
pub fn scale(decayed: f64) -> f64 {
    if decayed <= 0.0 || !decayed.is_finite() {
        return if decayed.is_infinite() { 100.0 } else { 0.0 };
    }
    100.0 * (1.0 - (-decayed).exp2())
}

/// The original tool's five categories of the 0–100 score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    VeryLow,
    Low,
    Medium,
    High,
    VeryHigh,
}

impl Category {
    /// The category of a 0–100 score: ≥ 80 very high, ≥ 60 high, ≥ 40 medium, ≥ 20 low.
    pub fn of(score: f64) -> Category {
        match score {
            s if s >= 80.0 => Category::VeryHigh,
            s if s >= 60.0 => Category::High,
            s if s >= 40.0 => Category::Medium,
            s if s >= 20.0 => Category::Low,
            _ => Category::VeryLow,
        }
    }

    /// Every category, highest first.
    pub const ALL: [Category; 5] = [
        Category::VeryHigh,
        Category::High,
        Category::Medium,
        Category::Low,
        Category::VeryLow,
    ];

    /// The label people read.
    pub fn label(self) -> &'static str {
        match self {
            Category::VeryHigh => "Very High",
            Category::High => "High",
            Category::Medium => "Medium",
            Category::Low => "Low",
            Category::VeryLow => "Very Low",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incremental_equals_direct_sum() {
        let m = ScoreModel::days(10.0);
        let events = [
            (5_000_000i64, 1.0),
            (1_000_000, 0.5),
            (3_000_000, 0.2),
            (9_000_000, 1.0),
        ];
        let mut agg = (0.0, 0);
        for (t, w) in events {
            agg = m.add(agg, w, t);
        }
        let now = 10_000_000;
        let direct: f64 = events.iter().map(|(t, w)| w * m.decay(now - t)).sum();
        assert!((m.value_at(agg, now) - direct).abs() < 1e-12);
    }

    #[test]
    fn halves_every_half_life() {
        let m = ScoreModel::days(90.0);
        let agg = m.add((0.0, 0), 1.0, 0);
        assert!((m.value_at(agg, 90 * 86_400) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn scale_is_monotonic_and_bounded() {
        let mut last = -1.0;
        for i in 0..1000 {
            let s = scale(i as f64 / 50.0);
            assert!(s > last && (0.0..=100.0).contains(&s));
            last = s;
        }
        assert_eq!(scale(1.0), 50.0);
        assert_eq!(Category::of(scale(1.0)), Category::Medium);
        assert_eq!(Category::of(scale(3.0)), Category::VeryHigh);
        assert_eq!(Category::of(0.0), Category::VeryLow);
    }
}
