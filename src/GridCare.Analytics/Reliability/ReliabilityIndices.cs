namespace GridCare.Analytics.Reliability;

/// <summary>
/// The IEEE 1366 and DL/T 836 indices of one scope and period, derived from the counts that define them, so every
/// index is traceable to its numerator and denominator. Durations: SAIDI, CAIDI and CTAIDI are minutes, AIHC-1 is
/// hours (DL/T 836 reports hours per customer); ASAI is a fraction, RS-1 and RS-3 are percentages.
/// </summary>
/// <param name="CustomersServed">N_T.</param>
/// <param name="PeriodMinutes">T, the minutes in the period.</param>
/// <param name="CustomerInterruptions">Σ N_i: sustained customer interruptions.</param>
/// <param name="CustomerMinutesInterrupted">Σ r_i·N_i over sustained interruptions, in minutes.</param>
/// <param name="CustomersInterrupted">CN: distinct customers with at least one sustained interruption.</param>
/// <param name="MomentaryInterruptions">Σ IM_i·N_mi: every momentary customer interruption (each reclosing operation).</param>
/// <param name="MomentaryEvents">Σ IM_E·N_mi: momentary interruption events, one per customer and event, not counting
/// the operations of an event that ended in a sustained interruption (a lockout) for that customer.</param>
/// <param name="SupplyShortageCustomerInterruptions">The sustained customer interruptions caused by insufficient system supply.</param>
/// <param name="SupplyShortageCustomerMinutes">The part of Σ r_i·N_i caused by insufficient system supply (RS-3 leaves it out).</param>
/// <param name="Cemi">CEMI_n by n: customers with more than n sustained interruptions / N_T.</param>
/// <param name="Cemsmi">CEMSMI_n by n: customers with more than n sustained interruptions and momentary events together / N_T.</param>
public sealed record ReliabilityIndices(
    int CustomersServed,
    double PeriodMinutes,
    long CustomerInterruptions,
    double CustomerMinutesInterrupted,
    int CustomersInterrupted,
    long MomentaryInterruptions,
    long MomentaryEvents,
    long SupplyShortageCustomerInterruptions,
    double SupplyShortageCustomerMinutes,
    IReadOnlyDictionary<int, double> Cemi,
    IReadOnlyDictionary<int, double> Cemsmi)
{
    /// <summary>Interruptions per customer served.</summary>
    public double Saifi => CustomerInterruptions / (double)CustomersServed;

    /// <summary>Minutes of interruption per customer served.</summary>
    public double Saidi => CustomerMinutesInterrupted / CustomersServed;

    /// <summary>Minutes per interruption (SAIDI / SAIFI); undefined without sustained interruptions.</summary>
    public double? Caidi => CustomerInterruptions == 0 ? null : CustomerMinutesInterrupted / CustomerInterruptions;

    /// <summary>Interruptions per customer interrupted; undefined when nobody was interrupted.</summary>
    public double? Caifi => CustomersInterrupted == 0 ? null : CustomerInterruptions / (double)CustomersInterrupted;

    /// <summary>Minutes of interruption per customer interrupted; undefined when nobody was interrupted.</summary>
    public double? Ctaidi => CustomersInterrupted == 0 ? null : CustomerMinutesInterrupted / CustomersInterrupted;

    /// <summary>Customer minutes served over customer minutes demanded, as a fraction.</summary>
    public double Asai => 1 - (CustomerMinutesInterrupted / (CustomersServed * PeriodMinutes));

    public double Maifi => MomentaryInterruptions / (double)CustomersServed;

    public double MaifiE => MomentaryEvents / (double)CustomersServed;

    /// <summary>DL/T 836 AIHC-1, average interruption hours per customer (SAIDI in hours), all causes.</summary>
    public double Aihc1Hours => Saidi / 60;

    /// <summary>DL/T 836 AITC-1, average interruption times per customer (SAIFI), all causes.</summary>
    public double Aitc1 => Saifi;

    /// <summary>DL/T 836 RS-1 in percent: (1 − AIHC-1 / hours in the period) × 100, all causes.</summary>
    public double Rs1Percent => (1 - (CustomerMinutesInterrupted / (CustomersServed * PeriodMinutes))) * 100;

    /// <summary>DL/T 836 RS-3 in percent: RS-1 without the interruptions that insufficient system supply caused.</summary>
    public double Rs3Percent =>
        (1 - ((CustomerMinutesInterrupted - SupplyShortageCustomerMinutes) / (CustomersServed * PeriodMinutes))) * 100;
}
