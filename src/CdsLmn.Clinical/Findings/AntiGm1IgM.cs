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
    private const string TestName = "Anti-GM1 IgM";
    private readonly AntiGm1IgMOptions _options;
    private readonly string[] _pendingStatuses;
    private readonly IReadOnlyList<CodeToken> _codes;
    private readonly IReadOnlyList<CodeToken> _excluded;

    public AntiGm1IgM(AntiGm1IgMOptions options, string[] pendingStatuses)
    {
        _options = options;
        _pendingStatuses = pendingStatuses;
        _codes = CodeToken.ParseAll(options.EffectiveCodes);
        _excluded = CodeToken.ParseAll(options.EffectiveExcludedCodes);
    }

    /// <summary>A GM1 IgM value as read from an Observation or one of its components.</summary>
    private sealed record Reading(DateTimeOffset? Date, string Id, ResultStatus Status, DataType? Value, IReadOnlySet<string> Flags, IReadOnlyList<Observation.ReferenceRangeComponent> Ranges);

    /// <param name="ivigGivenOn">Dates of IVIg administrations, for the "drawn after IVIg" flag.</param>
    public Finding<AntiGm1State> Assess(ClinicalEvidence evidence, DateTimeOffset now, IReadOnlyList<DateTimeOffset> ivigGivenOn)
    {
        var readings = evidence.Observations.SelectMany(Readings).ToList();
        var usable = readings.Where(r => r.Status == ResultStatus.Usable && r.Date is not null)
            .OrderByDescending(r => r.Date).ToList();
        var pending = readings.Where(r => r.Status == ResultStatus.Pending).Select(r => (r.Date, r.Id))
            .Concat(ResultStatuses.PendingOrders(evidence.ServiceRequests, _codes, _pendingStatuses, now, _options.FreshnessDays)
                .Select(s => (ResultStatuses.OrderDate(s), FhirRead.Reference(s))))
            .ToList();

        var best = usable.FirstOrDefault();
        var fresh = best is not null && ResultStatuses.IsFresh(best.Date!.Value, now, _options.FreshnessDays);
        var newerPending = pending
            .Where(p => p.Item1 is null ? !fresh : !fresh || p.Item1 > best!.Date)
            .Where(p => p.Item1 is null || ResultStatuses.IsFresh(p.Item1.Value, now, _options.FreshnessDays))
            .OrderByDescending(p => p.Item1 ?? DateTimeOffset.MinValue).ToList();
        DateTimeOffset? staleDate = best is not null && !fresh ? best.Date : null;
        var staleFlags = staleDate is { } s ? new[] { $"stale anti-GM1 IgM {ResultStatuses.Day(s)}" } : [];

        if (newerPending.Count > 0)
        {
            return new Finding<AntiGm1State>(AntiGm1State.Pending, TestName, "ordered, result pending", newerPending[0].Item1,
                newerPending.Select(p => p.Item2).ToList(), staleFlags, staleDate);
        }

        if (best is null)
        {
            return new Finding<AntiGm1State>(AntiGm1State.NotTested, TestName, "none on record", null, [], []);
        }

        var (state, text) = Interpret(best);
        if (!fresh)
        {
            return new Finding<AntiGm1State>(AntiGm1State.NotTested, TestName,
                $"none in the last {_options.FreshnessDays / 365.0:0.#} years (last {ResultStatuses.Day(best.Date)}: {text})", null, [best.Id], staleFlags, best.Date);
        }

        var flags = new List<string>();
        var drawn = best.Date!.Value;
        if (ivigGivenOn.Any(given => given <= drawn && drawn <= given.AddDays(_options.DrawnAfterIvigDays)))
        {
            flags.Add("drawn after IVIg");
            text += $" — drawn within {_options.DrawnAfterIvigDays} days after IVIg, may be unreliable";
        }

        return new Finding<AntiGm1State>(state, TestName, text, best.Date, [best.Id], flags);
    }

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
                var flags = new HashSet<string>(
                    FhirRead.List<CodeableConcept>(component, "interpretation").SelectMany(FhirRead.Codings).Select(FhirRead.CodeOf).OfType<string>(),
                    StringComparer.OrdinalIgnoreCase);
                yield return new Reading(date, id, status, FhirRead.One<DataType>(component, "value"), flags,
                    FhirRead.List<Observation.ReferenceRangeComponent>(component, "referenceRange"));
            }
        }
    }

    private (AntiGm1State State, string Text) Interpret(Reading reading)
    {
        var value = reading.Value;
        var flags = reading.Flags;
        var range = reading.Ranges.FirstOrDefault();
        var rangeHigh = FhirRead.Value(FhirRead.One<Quantity>(range, "high"));
        var rangeText = FhirRead.String(range, "text");

        // 1. What the value itself says, by configured numbers (titre, index/units/%, or qualitative).
        AntiGm1State? byNumbers = null;
        string shown;
        var stringValue = value is FhirString ? Safe(value) : null;
        var titre = value switch
        {
            Ratio ratio => FromRatio(ratio),
            FhirString => Titre.Parse(Safe(value)),
            _ => null,
        };
        if (titre is { } t)
        {
            var upper = Titre.Parse(rangeText)?.Reciprocal ?? (rangeHigh is > 1 ? (double)rangeHigh.Value : _options.DefaultTitreUpperReferenceReciprocal);
            byNumbers = TitreState(t, upper);
            shown = $"titre {t}";
            rangeText ??= $"< 1:{upper.ToString("0", CultureInfo.InvariantCulture)}";
        }
        else if (value is Quantity quantity && FhirRead.Value(quantity) is { } number)
        {
            var comparator = FhirRead.Code(quantity, "comparator");
            byNumbers = QuantityState((double)number, comparator, rangeHigh is null ? null : (double)rangeHigh.Value);
            shown = $"{comparator}{number.ToString("0.##", CultureInfo.InvariantCulture)} {UnitText(quantity)}".TrimEnd();
            rangeText ??= rangeHigh is null ? null : $"≤ {rangeHigh.Value.ToString("0.##", CultureInfo.InvariantCulture)}";
        }
        else
        {
            byNumbers = Qualitative(value, Safe(value));
            shown = value is CodeableConcept concept ? FhirRead.Texts(concept).FirstOrDefault() ?? "coded result" : (Safe(value) ?? "result without a value");
            if (stringValue is not null && stringValue.Contains("strong", StringComparison.OrdinalIgnoreCase) && byNumbers is AntiGm1State.PositiveLow)
            {
                byNumbers = AntiGm1State.High;
            }
        }

        // 2. The lab's flag wins (docs/fhir-inputs.md §4): HH → HIGH; NEG/N/L → NEGATIVE; IND → EQUIVOCAL; H/POS/A → positive,
        //    HIGH only if the value also reaches the configured high band.
        AntiGm1State? state = byNumbers;
        string? labFlag = null;
        if (flags.Contains("HH"))
        {
            state = AntiGm1State.High;
            labFlag = "HH";
        }
        else if (flags.Overlaps(["NEG", "N", "L", "NEGATIVE"]))
        {
            state = AntiGm1State.Negative;
            labFlag = flags.First(f => f is "NEG" or "N" or "L" or "NEGATIVE");
        }
        else if (flags.Overlaps(["IND", "E"]))
        {
            state = AntiGm1State.Equivocal;
            labFlag = "IND";
        }
        else if (flags.Overlaps(["H", "POS", "A", "HU", "AA"]))
        {
            state = byNumbers == AntiGm1State.High ? AntiGm1State.High : AntiGm1State.PositiveLow;
            labFlag = flags.First(f => f is "H" or "POS" or "A" or "HU" or "AA");
        }

        // Tested but unreadable: not NEGATIVE (never assert absence from nothing) — EQUIVOCAL.
        var final = state ?? AntiGm1State.Equivocal;
        var words = final switch
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

        if (!string.IsNullOrWhiteSpace(rangeText))
        {
            details.Add($"lab range {rangeText}");
        }

        var suffix = details.Count > 0 ? $" ({string.Join(", ", details)})" : string.Empty;
        return (final, $"{shown} — {words}{suffix}");
    }

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
        if (t.Contains("strong", StringComparison.Ordinal) && t.Contains("positive", StringComparison.Ordinal))
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
