//! Form read the way runners read it: as a share of fitness, in named zones.
//!
//! Form in load points (fitness minus fatigue) grows with the runner's volume: −20 is deep
//! fatigue for a runner whose fitness is 40 and nothing for one whose fitness is 300. As a
//! percentage of the fitness it is measured against, the same bands fit every runner. The
//! bands follow Intervals.icu's Fitness chart (its form zones, with the optimal training
//! zone between −10 % and −30 %), which the About window names as their source.

/// Where form lies, from freshest to most tired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FormZone {
    /// Above +5 %: rested; ready to race, fitness slowly falling if it lasts.
    Fresh,
    /// −10 % to +5 %: neither rested nor building much.
    Grey,
    /// −30 % to −10 %: the load that builds fitness.
    Optimal,
    /// Below −30 %: more load than the body absorbs for long.
    HighRisk,
}

/// The zones' edges in percent of fitness: above `FRESH_ABOVE` is fresh, from
/// `OPTIMAL_ABOVE` to `FRESH_ABOVE` the grey zone, from `HIGH_RISK_BELOW` to
/// `OPTIMAL_ABOVE` optimal, below `HIGH_RISK_BELOW` high risk.
pub const FRESH_ABOVE: f64 = 5.0;
pub const OPTIMAL_ABOVE: f64 = -10.0;
pub const HIGH_RISK_BELOW: f64 = -30.0;

/// Where the bands come from, as the About window says it.
pub const ZONES_SOURCE: &str = "Intervals.icu's Fitness chart (form zones as a share of \
    fitness: fresh, grey zone, optimal training, high risk)";

/// Below this fitness a share means little (the first weeks of a plan, a long break: a
/// runner of 20 km a week settles near 70): no zone is named then.
pub const MIN_FITNESS: f64 = 30.0;

/// Form as a percentage of the fitness it is measured against (yesterday's), or `None`
/// while fitness is too small for a share to mean anything.
pub fn form_share(form: f64, fitness: f64) -> Option<f64> {
    (fitness >= MIN_FITNESS && form.is_finite()).then(|| 100.0 * form / fitness)
}

impl FormZone {
    /// The zone of a form share in percent.
    pub fn of(share: f64) -> FormZone {
        if share > FRESH_ABOVE {
            FormZone::Fresh
        } else if share >= OPTIMAL_ABOVE {
            FormZone::Grey
        } else if share >= HIGH_RISK_BELOW {
            FormZone::Optimal
        } else {
            FormZone::HighRisk
        }
    }

    /// The zone's name, as a runner reads it next to the number.
    pub fn label(self) -> &'static str {
        match self {
            FormZone::Fresh => "fresh",
            FormZone::Grey => "grey zone",
            FormZone::Optimal => "optimal training",
            FormZone::HighRisk => "high risk",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zones_cover_every_share_at_their_edges() {
        let check = |share: f64, zone: FormZone| assert_eq!(FormZone::of(share), zone, "{share}");
        check(25.0, FormZone::Fresh);
        check(5.1, FormZone::Fresh);
        check(5.0, FormZone::Grey);
        check(-10.0, FormZone::Grey);
        check(-10.1, FormZone::Optimal);
        check(-30.0, FormZone::Optimal);
        check(-30.1, FormZone::HighRisk);
        assert_eq!(form_share(-20.0, 200.0), Some(-10.0));
        assert_eq!(form_share(-20.0, 5.0), None);
    }
}
