using System.Globalization;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Fhir;

/// <summary>
/// Defensive readers for FHIR POCOs parsed leniently from real EHR payloads (docs/packages.md): a property that
/// holds an invalid value, or a single object where R4 wants an array, throws when read through the
/// typed accessor. These helpers never throw; an unreadable value reads as absent.
/// </summary>
internal static class FhirRead
{
    /// <summary>Runs <paramref name="read"/> and returns <paramref name="fallback"/> if the POCO throws.</summary>
    public static T Safe<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
#pragma warning disable CA1031 // a lenient parse may leave any kind of invalid value behind; absent is the safe reading
        catch (Exception)
#pragma warning restore CA1031
        {
            return fallback;
        }
    }

    /// <summary>
    /// Reads a repeating element by its FHIR name, accepting a single object where R4 wants an array
    /// (the CDS Hooks sandbox sends <c>reasonCode</c> and <c>category</c> that way).
    /// </summary>
    public static IReadOnlyList<T> List<T>(Base? element, string name) where T : Base
    {
        if (element is null)
        {
            return [];
        }

        return Safe<IReadOnlyList<T>>(() =>
        {
            if (!element.TryGetValue(name, out var value) || value is null)
            {
                return [];
            }

            return value switch
            {
                T single => [single],
                IEnumerable<Base> many => many.OfType<T>().ToList(),
                _ => [],
            };
        }, []);
    }

    /// <summary>Reads a single element by its FHIR name, or null when absent or of another type.</summary>
    public static T? One<T>(Base? element, string name) where T : Base
    {
        if (element is null)
        {
            return null;
        }

        return Safe(() => element.TryGetValue(name, out var value) ? value as T : null, null);
    }

    /// <summary>The raw code of a <c>code</c> primitive (e.g. a status), or null; never throws on an unknown code.</summary>
    public static string? Code(Base? element, string name)
    {
        var primitive = One<PrimitiveType>(element, name);
        return Safe(() => primitive?.JsonValue as string, null);
    }

    public static string? String(Base? element, string name)
    {
        var primitive = One<PrimitiveType>(element, name);
        return Safe(() => primitive?.JsonValue?.ToString(), null);
    }

    public static bool? Boolean(FhirBoolean? value) => Safe(() => value?.JsonValue as bool?, null);

    /// <summary>The numeric value of a Quantity, or null when absent or not a number.</summary>
    public static decimal? Value(Quantity? quantity)
    {
        if (quantity is null)
        {
            return null;
        }

        return Safe(() => quantity.ValueElement?.JsonValue switch
        {
            decimal d => d,
            null => (decimal?)null,
            var other => decimal.TryParse(other.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        }, null);
    }

    public static string? Unit(Quantity? quantity) =>
        quantity is null ? null : Safe(() => quantity.CodeElement?.JsonValue as string ?? quantity.UnitElement?.JsonValue as string, null);

    public static IReadOnlyList<Coding> Codings(CodeableConcept? concept) => List<Coding>(concept, "coding");

    public static string? Text(CodeableConcept? concept) => String(concept, "text");

    /// <summary>Every text a human may have written on a concept: its text and each coding's display.</summary>
    public static IEnumerable<string> Texts(CodeableConcept? concept)
    {
        if (Text(concept) is { Length: > 0 } text)
        {
            yield return text;
        }

        foreach (var coding in Codings(concept))
        {
            if (String(coding, "display") is { Length: > 0 } display)
            {
                yield return display;
            }
        }
    }

    public static string? System(Coding coding) => String(coding, "system");

    public static string? CodeOf(Coding coding) => String(coding, "code");

    /// <summary>Parses a FHIR date/dateTime/instant string, including partial dates (year, year-month: the first instant).</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        string[] partialFormats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text, partialFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var partial))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(partial, DateTimeKind.Utc));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var full) ? full : null;
    }

    /// <summary>The date of a dateTime/Period/instant choice element (Period: its start, else its end).</summary>
    public static DateTimeOffset? DateOf(DataType? value) => value switch
    {
        FhirDateTime dateTime => ParseDate(Safe(() => dateTime.JsonValue?.ToString(), null)),
        Instant instant => Safe(() => instant.Value, null),
        Date date => ParseDate(Safe(() => date.JsonValue?.ToString(), null)),
        Period period => ParseDate(String(period, "start")) ?? ParseDate(String(period, "end")),
        _ => null,
    };

    public static DateTimeOffset? DateOf(Base? element, string name) => DateOf(One<DataType>(element, name));

    /// <summary>When an Observation describes the patient: effective[x], else issued.</summary>
    public static DateTimeOffset? EffectiveDate(Observation observation) =>
        DateOf(observation, "effective") ?? DateOf(observation, "issued");

    /// <summary>When a DiagnosticReport describes the patient: effective[x], else issued.</summary>
    public static DateTimeOffset? EffectiveDate(DiagnosticReport report) =>
        DateOf(report, "effective") ?? DateOf(report, "issued");

    /// <summary>A relative reference <c>Type/id</c> for a resource, for traces and suggestions.</summary>
    public static string Reference(Resource resource) => $"{resource.TypeName}/{Safe(() => resource.Id, null) ?? "?"}";

    public static string? ReferenceText(ResourceReference? reference) => String(reference, "reference");
}
