using System.Collections.Frozen;
using System.Globalization;
using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Anti-GM1 IgM (docs/fhir-inputs.md §4, docs/clinical-evidence.md §2.5, §4b). Only IgM counts: IgG and asialo-GM1 codes are
/// ignored even when a lab also sends them. The lab's interpretation flag wins over configured numbers; HH or
/// "strong positive" means HIGH. Results older than the freshness window are NOT_TESTED (stale date kept).
/// </summary>
internal sealed class AntiGm1IgM
{
    // Interpretation codes (v3 ObservationInterpretation and lab shorthands), matched whatever their case.
    private static readonly FrozenSet<string> NegativeFlags = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "NEG", "N", "L", "NEGATIVE");
    private static readonly FrozenSet<string> EquivocalFlags = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "IND", "E");
    private static readonly FrozenSet<string> PositiveFlags = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "H", "POS", "A", "HU", "AA");

    private const string TestName = "Anti-GM1 IgM";
    private readonly AntiGm1IgMOptions _options;
    private readonly PendingTests _pendingTests;
    private readonly IReadOnlyList<CodeToken> _codes;
    private readonly IReadOnlyList<CodeToken> _excluded;
    private readonly SelectionRule<AntiGm1State> _rule;

    public AntiGm1IgM(AntiGm1IgMOptions options, PendingTests pendingTests)
    {
        _options = options;
        _pendingTests = pendingTests;
        _codes = CodeToken.ParseAll(options.EffectiveCodes);
        _excluded = CodeToken.ParseAll(options.EffectiveExcludedCodes);
        _rule = new SelectionRule<AntiGm1State>("anti-GM1 IgM", options.FreshnessDays, StrongestWins: true, Settled: AntiGm1State.High);
    }

    /// <summary>A GM1 IgM value as read from an Observation or one of its components.</summary>
    private sealed record Reading(DateTimeOffset? Date, string Id, ResultStatus Status, DataType? Value, IReadOnlySet<string> Flags, IReadOnlyList<Observation.ReferenceRangeComponent> Ranges);

    /// <summary>What one value says: its state, the words for the card, and whether it could be read at all.</summary>
    private sealed record Interpretation(AntiGm1State State, string Text, bool Unreadable);

    /// <param name="ivigGivenOn">Dates of IVIg administrations, for the "drawn after IVIg" rule.</param>
    /// <remarks>
    /// docs/fhir-inputs.md §4: among results within the freshness window the highest state wins, the newest breaking ties;
    /// a sample drawn within <see cref="AntiGm1IgMOptions.DrawnAfterIvigDays"/> after IVIg (IVIg lowers measured
    /// antibodies) loses every tie and so never downgrades an earlier result. An unreadable value ranks below every
    /// readable one: it counts as EQUIVOCAL only when nothing else is on record.
    /// </remarks>
    public Finding<AntiGm1State> Assess(ClinicalEvidence evidence, DateTimeOffset now, IReadOnlyList<DateTimeOffset> ivigGivenOn)
    {
        var readings = evidence.Observations.SelectMany(Readings).ToList();
        var candidates = readings.Where(r => r.Status == ResultStatus.Usable && r.Date is not null)
            .Select(r => Candidate(r, r.Date!.Value, ivigGivenOn))
            .ToList();
        var pending = readings.Where(r => r.Status == ResultStatus.Pending && ResultStatuses.IsPendingInWindow(r.Date, now, _options.FreshnessDays))
            .Select(r => new PendingTest(r.Date, r.Id)).ToList();
        var (open, stale) = _pendingTests.Orders(evidence.ServiceRequests, _codes, now);
        pending.AddRange(open);

        var finding = ResultSelector.Choose(candidates, pending, _rule, (AntiGm1State.Pending, AntiGm1State.NotTested), TestName, now);
        return _pendingTests.NotingStale(finding, stale, "anti-GM1 IgM");
    }

    private ResultCandidate<AntiGm1State> Candidate(Reading reading, DateTimeOffset drawn, IReadOnlyList<DateTimeOffset> ivigGivenOn)
    {
        var interpretation = Interpret(reading);
        var afterIvig = ivigGivenOn.Any(given => given <= drawn && drawn <= given.AddDays(_options.DrawnAfterIvigDays));
        var text = afterIvig ? $"{interpretation.Text} — drawn within {_options.DrawnAfterIvigDays} days after IVIg, may be falsely low" : interpretation.Text;
        return new ResultCandidate<AntiGm1State>(drawn, interpretation.State, TestName, text, [reading.Id])
        {
            Strength = interpretation.Unreadable ? 0 : Strength(interpretation.State),
            Weak = afterIvig,
            Flags = afterIvig ? ["drawn after IVIg"] : interpretation.Unreadable ? ["unreadable value"] : [],
            Doubt = interpretation.Unreadable ? FindingDoubt.Unreadable
                : interpretation.State == AntiGm1State.Equivocal ? FindingDoubt.Equivocal
                : FindingDoubt.None,
        };
    }

    private static int Strength(AntiGm1State state) => state switch
    {
        AntiGm1State.High => 4,
        AntiGm1State.PositiveLow => 3,
        AntiGm1State.Equivocal => 2,
        _ => 1,
    };

    private IEnumerable<Reading> Readings(Observation observation)
    {
        var code = FhirRead.One<CodeableConcept>(observation, "code");
        var status = ResultStatuses.Of(observation);
        if (status == ResultStatus.Ignored || CodeMatch.Any(code, _excluded))
        {
            yield break;
        }

        var date = FhirRead.EffectiveDate(observation);
        var id = FhirRead.Reference(observation);
        if (CodeMatch.Any(code, _codes))
        {
            yield return new Reading(date, id, status, FhirRead.One<DataType>(observation, "value"), CodeMatch.InterpretationCodes(observation),
                FhirRead.List<Observation.ReferenceRangeComponent>(observation, "referenceRange"));
        }

        // Panels: a component coded GM1 IgM (hasMember results arrive as Observations of their own).
        foreach (var component in FhirRead.List<Observation.ComponentComponent>(observation, "component"))
        {
            var componentCode = FhirRead.One<CodeableConcept>(component, "code");
            if (CodeMatch.Any(componentCode, _codes) && !CodeMatch.Any(componentCode, _excluded))
            {
                yield return new Reading(date, id, status, FhirRead.One<DataType>(component, "value"), CodeMatch.InterpretationCodes(component),
                    FhirRead.List<Observation.ReferenceRangeComponent>(component, "referenceRange"));
            }
        }
    }

    private Interpretation Interpret(Reading reading)
    {
        var value = reading.Value;
        var flags = reading.Flags;
        var range = reading.Ranges.FirstOrDefault();
        var rangeHigh = FhirRead.Value(FhirRead.One<Quantity>(range, "high"));
        var labRange = FhirRead.String(range, "text");
        string? basis = null;

        // 1. What the value itself says: a titre (ratio, a titre anywhere in text, a {titer} quantity), an index/units/% number,
        //    or words. The lab's words ("negative", "strongly positive") win over configured numbers (docs/fhir-inputs.md §4).
        AntiGm1State? byNumbers = null;
        string shown;
        var raw = value is PrimitiveType ? Safe(value) : null;
        var quantity = value as Quantity;
        var titre = value switch
        {
            Ratio ratio => FromRatio(ratio),
            FhirString => Titre.Parse(raw),
            Quantity q when IsTitreUnit(q) => FromTitreQuantity(q),
            _ => null,
        };
        if (titre is { } t)
        {
            var labUpper = Titre.Parse(labRange)?.Reciprocal ?? (rangeHigh is > 1 ? (double)rangeHigh.Value : null);
            var upper = labUpper ?? _options.DefaultTitreUpperReferenceReciprocal;
            byNumbers = TitreState(t, upper);
            shown = $"titre {t}";
            if (labUpper is null)
            {
                basis = $"default upper limit 1:{upper.ToString("0", CultureInfo.InvariantCulture)}";
            }
            else
            {
                labRange ??= $"< 1:{upper.ToString("0", CultureInfo.InvariantCulture)}";
            }
        }
        else if (quantity is not null && FhirRead.Value(quantity) is { } number)
        {
            var comparator = FhirRead.Code(quantity, "comparator");
            byNumbers = QuantityState((double)number, comparator, rangeHigh is null ? null : (double)rangeHigh.Value);
            shown = $"{comparator}{number.ToString("0.##", CultureInfo.InvariantCulture)} {UnitText(quantity)}".TrimEnd();
            labRange ??= rangeHigh is null ? null : $"≤ {rangeHigh.Value.ToString("0.##", CultureInfo.InvariantCulture)}";
            basis = rangeHigh is null ? "default index bands" : null;
        }
        else
        {
            shown = value is CodeableConcept concept ? FhirRead.Texts(concept).FirstOrDefault() ?? "coded result" : (raw ?? "result without a value");
        }

        var byWords = Qualitative(value, raw);
        AntiGm1State? state = (byWords, byNumbers) switch
        {
            (AntiGm1State.High or AntiGm1State.Negative or AntiGm1State.Equivocal, _) => byWords,
            (AntiGm1State.PositiveLow, AntiGm1State.High) => AntiGm1State.High,
            (AntiGm1State.PositiveLow, _) => AntiGm1State.PositiveLow,
            (_, not null) => byNumbers,
            _ => byWords,
        };

        // 2. The lab's flag wins: HH → HIGH; NEG/N/L → NEGATIVE; IND → EQUIVOCAL; H/POS/A → positive, HIGH only if the value
        //    also reaches the configured high band.
        string? labFlag = null;
        if (flags.Contains("HH"))
        {
            state = AntiGm1State.High;
            labFlag = "HH";
        }
        else if (flags.FirstOrDefault(NegativeFlags.Contains) is { } negative)
        {
            state = AntiGm1State.Negative;
            labFlag = negative;
        }
        else if (flags.Overlaps(EquivocalFlags))
        {
            state = AntiGm1State.Equivocal;
            labFlag = "IND";
        }
        else if (flags.FirstOrDefault(PositiveFlags.Contains) is { } positive)
        {
            state = state == AntiGm1State.High ? AntiGm1State.High : AntiGm1State.PositiveLow;
            labFlag = positive;
        }

        if (state is null)
        {
            // Tested, but the value says nothing we can read: never NEGATIVE, never "borderline" (docs/fhir-inputs.md §4).
            var reported = raw ?? (value is CodeableConcept ? shown : null);
            return new Interpretation(AntiGm1State.Equivocal,
                reported is null ? "result could not be read (no value)" : $"result could not be read (reported as “{Shorten(reported)}”)", Unreadable: true);
        }

        var words = state switch
        {
            AntiGm1State.High => "high titre",
            AntiGm1State.PositiveLow => "positive, not high-titre",
            AntiGm1State.Equivocal => "equivocal",
            _ => "negative",
        };
        var details = new List<string>();
        if (labFlag is not null)
        {
            details.Add($"lab flag {labFlag}");
        }

        if (!string.IsNullOrWhiteSpace(labRange))
        {
            details.Add($"lab range {labRange}");
        }
        else if (basis is not null && labFlag is null)
        {
            details.Add(basis);
        }

        var suffix = details.Count > 0 ? $" ({string.Join(", ", details)})" : string.Empty;
        return new Interpretation(state.Value, $"{shown} — {words}{suffix}", Unreadable: false);
    }

    /// <summary>docs/fhir-inputs.md §4: a quantity whose unit is <c>{titer}</c> (or says titer/titre) is a reciprocal titre, never an index.</summary>
    private static bool IsTitreUnit(Quantity quantity)
    {
        var unit = $"{FhirRead.Unit(quantity)} {FhirRead.String(quantity, "unit")}";
        return unit.Contains("titer", StringComparison.OrdinalIgnoreCase) || unit.Contains("titre", StringComparison.OrdinalIgnoreCase);
    }

    private static Titre? FromTitreQuantity(Quantity quantity)
    {
        var value = FhirRead.Value(quantity);
        if (value is not > 0)
        {
            return null;
        }

        var bound = FhirRead.Code(quantity, "comparator") switch
        {
            "<" or "<=" => Bound.Below,
            ">" or ">=" => Bound.Above,
            _ => Bound.Exact,
        };
        return new Titre((double)value.Value, bound);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private AntiGm1State TitreState(Titre titre, double upperReference)
    {
        if (titre.Bound == Bound.Below)
        {
            return titre.Reciprocal <= upperReference ? AntiGm1State.Negative : AntiGm1State.Equivocal;
        }

        if (titre.Reciprocal >= _options.HighTitreReciprocal)
        {
            return AntiGm1State.High;
        }

        return titre.Reciprocal > upperReference || (titre.Bound == Bound.Above && titre.Reciprocal >= upperReference)
            ? AntiGm1State.PositiveLow
            : AntiGm1State.Negative;
    }

    private AntiGm1State QuantityState(double value, string? comparator, double? labHigh)
    {
        if (comparator is "<" or "<=" && (labHigh is null || value <= labHigh))
        {
            return AntiGm1State.Negative;
        }

        var band = value >= _options.HighFrom ? AntiGm1State.High
            : value >= _options.PositiveFrom ? AntiGm1State.PositiveLow
            : value >= _options.EquivocalFrom ? AntiGm1State.Equivocal
            : AntiGm1State.Negative;
        if (labHigh is { } high)
        {
            // Within the lab's own range: negative, whatever our bands say. Above it but below our bands: borderline.
            if (value <= high)
            {
                return AntiGm1State.Negative;
            }

            return band == AntiGm1State.Negative ? AntiGm1State.Equivocal : band;
        }

        return band;
    }

    private static AntiGm1State? Qualitative(DataType? value, string? text)
    {
        if (value is CodeableConcept concept)
        {
            switch (SnomedQualifier.Read(concept))
            {
                case QualifierValue.Positive:
                    return AntiGm1State.PositiveLow;
                case QualifierValue.Negative:
                    return AntiGm1State.Negative;
                case QualifierValue.Equivocal:
                    return AntiGm1State.Equivocal;
            }

            text = string.Join(' ', FhirRead.Texts(concept));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToLowerInvariant();
        if ((t.Contains("strong", StringComparison.Ordinal) || t.Contains("high positive", StringComparison.Ordinal)
                || t.Contains("highly positive", StringComparison.Ordinal)) && t.Contains("positive", StringComparison.Ordinal))
        {
            return AntiGm1State.High;
        }

        if (t.Contains("equivocal", StringComparison.Ordinal) || t.Contains("borderline", StringComparison.Ordinal) || t.Contains("indeterminate", StringComparison.Ordinal))
        {
            return AntiGm1State.Equivocal;
        }

        if (t.StartsWith("neg", StringComparison.Ordinal) || t.Contains("not detected", StringComparison.Ordinal))
        {
            return AntiGm1State.Negative;
        }

        if (t.StartsWith("pos", StringComparison.Ordinal) || t.StartsWith("detected", StringComparison.Ordinal))
        {
            return AntiGm1State.PositiveLow;
        }

        return null;
    }

    private static Titre? FromRatio(Ratio ratio)
    {
        var numerator = FhirRead.Value(FhirRead.One<Quantity>(ratio, "numerator"));
        var denominator = FhirRead.Value(FhirRead.One<Quantity>(ratio, "denominator"));
        if (numerator is not > 0 || denominator is not > 0)
        {
            return null;
        }

        return new Titre((double)(denominator.Value / numerator.Value), Bound.Exact);
    }

    private static string? Safe(DataType? value) => value is PrimitiveType primitive ? FhirRead.Safe(() => primitive.JsonValue?.ToString(), null) : null;

    private static string UnitText(Quantity quantity)
    {
        var unit = FhirRead.String(quantity, "unit") ?? FhirRead.Unit(quantity);
        return unit switch
        {
            null => string.Empty,
            "{index}" or "IV" or "{IV}" => "index units",
            "[arb'U]/mL" => "U/mL",
            _ => unit,
        };
    }
}
