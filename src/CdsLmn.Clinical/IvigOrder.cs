using System.Text.RegularExpressions;
using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical;

/// <summary>IVIg order recognition (docs/fhir-inputs.md §1, docs/clinical-evidence.md §4a, §5.1).</summary>
internal sealed class IvigOrder
{
    private readonly IvigOrderOptions _options;
    private readonly IReadOnlyList<Ndc> _ndcProducts;
    private readonly IReadOnlyList<Ndc> _excludedNdcProducts;
    private readonly IReadOnlyList<CodeToken> _localCodes;
    private readonly IReadOnlyList<CodeToken> _excludedLocalCodes;
    private readonly IReadOnlyList<CodeToken> _ivRoutes;
    private readonly IReadOnlyList<CodeToken> _nonIvRoutes;
    private readonly Regex? _ivBrands;
    private readonly Regex? _dualRouteBrands;
    private readonly Regex? _scOnlyBrands;
    private readonly Regex? _genericNames;
    private readonly Regex? _hyperimmune;
    private readonly Regex? _nonIvRouteText;
    private static readonly Regex IntravenousText = new(@"\b(intravenous|i\.?v\.?)\b|\bIVIG\b|\bIGIV\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public IvigOrder(IvigOrderOptions options)
    {
        _options = options;
        _ndcProducts = options.EffectiveNdcProductCodes.Select(Ndc.Parse).OfType<Ndc>().ToList();
        _excludedNdcProducts = options.EffectiveExcludedNdcProductCodes.Select(Ndc.Parse).OfType<Ndc>().ToList();
        _localCodes = CodeToken.ParseAll(options.EffectiveLocalCodes);
        _excludedLocalCodes = CodeToken.ParseAll(options.EffectiveExcludedLocalCodes);
        _ivRoutes = CodeToken.ParseAll(options.EffectiveIntravenousRoutes);
        _nonIvRoutes = CodeToken.ParseAll(options.EffectiveNonIntravenousRoutes);
        _ivBrands = Words(options.EffectiveIvBrandNames);
        _dualRouteBrands = Words(options.EffectiveDualRouteBrandNames);
        _scOnlyBrands = Words(options.EffectiveScOnlyBrandNames);
        _genericNames = Words(options.EffectiveGenericNames);
        _hyperimmune = Words(options.EffectiveHyperimmuneTerms);
        _nonIvRouteText = Words(options.EffectiveNonIvRouteTerms);
    }

    /// <summary>Recognises a draft or historical MedicationRequest.</summary>
    public IvigRecognition Recognise(MedicationRequest request, IReadOnlyList<Medication> medications, bool medicationUnavailable)
    {
        var routes = FhirRead.List<Dosage>(request, "dosageInstruction")
            .Select(d => FhirRead.One<CodeableConcept>(d, "route")).OfType<CodeableConcept>().ToList();
        return Recognise(request, FhirRead.One<DataType>(request, "medication"), routes, medications, medicationUnavailable);
    }

    /// <summary>Recognises a MedicationAdministration (for the continuation row).</summary>
    public IvigRecognition Recognise(MedicationAdministration administration, IReadOnlyList<Medication> medications, bool medicationUnavailable)
    {
        var dosage = FhirRead.One<MedicationAdministration.DosageComponent>(administration, "dosage");
        var routes = FhirRead.One<CodeableConcept>(dosage, "route") is { } route ? new[] { route } : [];
        return Recognise(administration, FhirRead.One<DataType>(administration, "medication"), routes, medications, medicationUnavailable);
    }

    private IvigRecognition Recognise(DomainResource owner, DataType? medication, IReadOnlyList<CodeableConcept> routes,
        IReadOnlyList<Medication> medications, bool medicationUnavailable)
    {
        var concepts = new List<CodeableConcept>();
        var texts = new List<string>();
        var resolved = true;
        switch (medication)
        {
            case CodeableConcept concept:
                concepts.Add(concept);
                break;
            case ResourceReference reference:
                var found = Resolve(owner, reference, medications);
                if (found is null)
                {
                    resolved = false;
                    if (FhirRead.String(reference, "display") is { Length: > 0 } display)
                    {
                        texts.Add(display);
                    }
                }
                else
                {
                    concepts.AddRange(MedicationConcepts(found));
                }

                break;
            default:
                return medicationUnavailable
                    ? new IvigRecognition(IvigKind.Unknown, null, "no medication on the order")
                    : new IvigRecognition(IvigKind.NotIvig, null, "no medication on the order");
        }

        texts.AddRange(concepts.SelectMany(FhirRead.Texts));
        var codings = concepts.SelectMany(FhirRead.Codings).ToList();
        var productText = texts.FirstOrDefault();
        var allText = string.Join(" | ", texts);

        var verdict = Classify(codings, allText, routes);
        if (verdict is not null)
        {
            return verdict with { ProductText = productText };
        }

        return !resolved && medicationUnavailable
            ? new IvigRecognition(IvigKind.Unknown, productText, "medication reference could not be resolved")
            : new IvigRecognition(IvigKind.NotIvig, productText, "not an immune globulin");
    }

    /// <summary>Null when nothing about the medication names IVIg or excludes it.</summary>
    private IvigRecognition? Classify(IReadOnlyList<Coding> codings, string text, IReadOnlyList<CodeableConcept> routes)
    {
        if (CodeMatch.Any(codings, FhirSystems.Atc, _options.EffectiveExcludedAtcCodes))
        {
            return NotIvig("ATC code for extravascular or hyperimmune globulin");
        }

        if (codings.Any(c => SameSystem(c, FhirSystems.Ndc) && _excludedNdcProducts.Any(p => p.Matches(FhirRead.CodeOf(c)))))
        {
            return NotIvig("NDC of a subcutaneous-only product");
        }

        if (CodeMatch.Any(codings, _options.HcpcsSystem, _options.EffectiveExcludedHcpcsCodes) || CodeMatch.Any(codings, _excludedLocalCodes))
        {
            return NotIvig("billing code of a subcutaneous product");
        }

        if (Has(_scOnlyBrands, text))
        {
            return NotIvig("subcutaneous-only product");
        }

        if (Has(_hyperimmune, text))
        {
            return NotIvig("hyperimmune globulin");
        }

        var coded = CodeMatch.Any(codings, FhirSystems.RxNorm, _options.EffectiveRxNormCodes)
            || CodeMatch.Any(codings, FhirSystems.Atc, _options.EffectiveAtcCodes)
            || codings.Any(c => SameSystem(c, FhirSystems.Ndc) && _ndcProducts.Any(p => p.Matches(FhirRead.CodeOf(c))))
            || CodeMatch.Any(codings, _options.HcpcsSystem, _options.EffectiveHcpcsCodes)
            || CodeMatch.Any(codings, _localCodes);
        var named = Has(_ivBrands, text) || Has(_genericNames, text);
        if (!coded && !named)
        {
            return null;
        }

        // docs/fhir-inputs.md §1: a coded route decides (SC/IM: no; IV: yes, dual-route products included).
        var routeCodings = routes.SelectMany(FhirRead.Codings).ToList();
        if (CodeMatch.Any(routeCodings, _nonIvRoutes))
        {
            return NotIvig("route is subcutaneous or intramuscular");
        }

        if (CodeMatch.Any(routeCodings, _ivRoutes))
        {
            return new IvigRecognition(IvigKind.Ivig, null, "intravenous route");
        }

        var routeText = string.Join(" | ", routes.SelectMany(FhirRead.Texts));
        if (Has(_nonIvRouteText, routeText) && !IntravenousText.IsMatch(routeText))
        {
            return NotIvig("route text is subcutaneous or intramuscular");
        }

        // Text naming a non-IV route (e.g. "Immune Globulin Subcutaneous") excludes, unless it also says intravenous.
        if (Has(_nonIvRouteText, text) && !IntravenousText.IsMatch(text))
        {
            return NotIvig("product text names a subcutaneous or intramuscular route");
        }

        var dual = Has(_dualRouteBrands, text) ? " (dual-route product, no route: IV)" : string.Empty;
        return new IvigRecognition(IvigKind.Ivig, null, (coded ? "coded as IVIg" : "named as IVIg") + dual);
    }

    private static IvigRecognition NotIvig(string reason) => new(IvigKind.NotIvig, null, reason);

    private static bool SameSystem(Coding coding, string system) =>
        string.Equals(FhirRead.System(coding), system, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<CodeableConcept> MedicationConcepts(Medication medication)
    {
        if (FhirRead.One<CodeableConcept>(medication, "code") is { } code)
        {
            yield return code;
        }

        foreach (var ingredient in FhirRead.List<Medication.IngredientComponent>(medication, "ingredient"))
        {
            if (FhirRead.One<CodeableConcept>(ingredient, "item") is { } item)
            {
                yield return item;
            }
        }
    }

    /// <summary>A contained Medication (<c>#id</c>), or one in the evidence matched by <c>Medication/{id}</c> (also absolute) or by id.</summary>
    internal static Medication? Resolve(DomainResource owner, ResourceReference reference, IReadOnlyList<Medication> medications)
    {
        var text = FhirRead.ReferenceText(reference);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.StartsWith('#'))
        {
            var localId = text[1..];
            return FhirRead.List<Resource>(owner, "contained").OfType<Medication>().FirstOrDefault(m => m.Id == localId);
        }

        var trimmed = text.Split('?')[0].TrimEnd('/');
        var segments = trimmed.Split('/');
        var historyAt = Array.IndexOf(segments, "_history");
        if (historyAt > 0)
        {
            segments = segments[..historyAt];
        }

        string id;
        if (segments.Length >= 2 && segments[^2] == "Medication")
        {
            id = segments[^1];
        }
        else if (segments.Length == 1)
        {
            id = segments[0];
        }
        else
        {
            return null;
        }

        return medications.FirstOrDefault(m => m.Id == id);
    }

    private static bool Has(Regex? regex, string text) => regex is not null && text.Length > 0 && regex.IsMatch(text);

    /// <summary>A case-insensitive regex matching any term as a whole word (word boundaries only where the term has a word character at that end).</summary>
    internal static Regex? Words(IEnumerable<string> terms)
    {
        var alternatives = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t =>
        {
            var term = t.Trim();
            var pattern = Regex.Escape(term).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
            var start = char.IsLetterOrDigit(term[0]) ? @"(?<![\p{L}\p{Nd}])" : string.Empty;
            var end = char.IsLetterOrDigit(term[^1]) ? @"(?![\p{L}\p{Nd}])" : string.Empty;
            return start + pattern + end;
        }).ToList();
        return alternatives.Count == 0 ? null : new Regex(string.Join('|', alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
