using System.Text.Json;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Tests.Builders;
using CdsLmn.Service.Evidence;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests;

public class IvigOrderTests
{
    private static readonly IvigOrder Recogniser = new(new IvigOrderOptions());

    private static IvigKind Kind(MedicationRequest order, IReadOnlyList<Medication>? medications = null, bool medicationUnavailable = false) =>
        Recogniser.Recognise(order, medications ?? [], medicationUnavailable).Kind;

    private static MedicationRequest WithText(string text, CodeableConcept? route = null) => Build.IvigOrder(text: text, route: route);

    private static MedicationRequest WithCode(string system, string code, string? text = null, CodeableConcept? route = null) =>
        Build.Order("o-1", new CodeableConcept(system, code) { Text = text }, route);

    [Theory]
    [InlineData("IVIG")]
    [InlineData("igiv 10 g")]
    [InlineData("Privigen 10% 20 g")]
    [InlineData("OCTAGAM 5%")]
    [InlineData("Panzyga")]
    [InlineData("Gamunex-C 10%")]
    [InlineData("Gammaked")]
    [InlineData("Gammagard Liquid")]
    [InlineData("Gammagard S/D")]
    [InlineData("Flebogamma DIF 5%")]
    [InlineData("Gammaplex 5%")]
    [InlineData("Bivigam")]
    [InlineData("Asceniv")]
    [InlineData("Yimmugo")]
    [InlineData("Immune Globulin G (Human) 100 MG/ML Injectable Solution")]
    [InlineData("immune globulin intravenous (human)")]
    [InlineData("Human normal immunoglobulin")]
    public void RecognisesIvigByText(string text) => Assert.Equal(IvigKind.Ivig, Kind(WithText(text)));

    [Theory]
    [InlineData("Labetalol hydrochloride 300 MG Oral Tablet")]
    [InlineData("Hizentra 20%")]
    [InlineData("Cuvitru")]
    [InlineData("Cutaquig")]
    [InlineData("Xembify")]
    [InlineData("HyQvia")]
    [InlineData("Hepatitis B Immune Globulin (Human)")]
    [InlineData("Rho(D) immune globulin")]
    [InlineData("anti-D immunoglobulin")]
    [InlineData("Tetanus immune globulin")]
    [InlineData("Rabies immune globulin")]
    [InlineData("Varicella zoster immune globulin")]
    [InlineData("Cytomegalovirus immune globulin")]
    [InlineData("CMV-IGIV")]
    [InlineData("Botulism immune globulin")]
    [InlineData("Anthrax immune globulin")]
    [InlineData("Vaccinia immune globulin")]
    [InlineData("Hyperimmune globulin")]
    [InlineData("Immune Globulin Subcutaneous (Human) 20%")]
    [InlineData("Immune globulin intramuscular")]
    [InlineData("Immunoglobulin for subcutaneous use")]
    public void DoesNotRecogniseOtherProductsByText(string text) => Assert.Equal(IvigKind.NotIvig, Kind(WithText(text)));

    [Theory]
    [InlineData(FhirSystems.RxNorm, "1426680")]
    [InlineData(FhirSystems.Atc, "J06BA02")]
    [InlineData("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J1459")]
    [InlineData("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J1599")]
    [InlineData(FhirSystems.Ndc, "44206-439-40")]
    [InlineData(FhirSystems.Ndc, "44206-0439-40")]
    [InlineData(FhirSystems.Ndc, "44206043940")]
    [InlineData(FhirSystems.Ndc, "4420643940")]
    [InlineData(FhirSystems.Ndc, "44206-439")]
    [InlineData(FhirSystems.Ndc, "0069-6550-02")]
    [InlineData(FhirSystems.Ndc, "00069655002")]
    [InlineData(FhirSystems.Ndc, "0069655002")]
    [InlineData(FhirSystems.Ndc, "61953-0004-1")]
    [InlineData(FhirSystems.Ndc, "6195300041")]
    public void RecognisesIvigByCode(string system, string code) => Assert.Equal(IvigKind.Ivig, Kind(WithCode(system, code)));

    [Theory]
    [InlineData(FhirSystems.Atc, "J06BA01")]
    [InlineData(FhirSystems.Atc, "J06BB01")]
    [InlineData(FhirSystems.Atc, "J06BB04")]
    [InlineData(FhirSystems.Ndc, "44206-454-04")]
    [InlineData(FhirSystems.Ndc, "4420645404")]
    [InlineData(FhirSystems.Ndc, "13533-810-05")]
    [InlineData(FhirSystems.Ndc, "0944-2513-02")]
    [InlineData("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J1559")]
    [InlineData("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J1575")]
    [InlineData(FhirSystems.Cpt, "90284")]
    [InlineData(FhirSystems.RxNorm, "9990001")]
    [InlineData(FhirSystems.Ndc, "44206-4391-0")]
    public void DoesNotRecogniseExcludedOrUnknownCodes(string system, string code) => Assert.Equal(IvigKind.NotIvig, Kind(WithCode(system, code)));

    [Fact]
    public void ExcludedAtcWinsOverAnIvigName() =>
        Assert.Equal(IvigKind.NotIvig, Kind(WithCode(FhirSystems.Atc, "J06BA01", text: "Immune globulin")));

    [Theory]
    [InlineData("Privigen", "34206005", IvigKind.NotIvig)]
    [InlineData("Privigen", "78421000", IvigKind.NotIvig)]
    [InlineData("Privigen", "47625008", IvigKind.Ivig)]
    [InlineData("Gamunex-C", "34206005", IvigKind.NotIvig)]
    [InlineData("Gamunex-C", "47625008", IvigKind.Ivig)]
    [InlineData("Gammagard Liquid", "34206005", IvigKind.NotIvig)]
    [InlineData("Gammaked", "78421000", IvigKind.NotIvig)]
    public void RouteDecides(string product, string snomedRoute, IvigKind expected) =>
        Assert.Equal(expected, Kind(WithText(product, Build.Snomed(snomedRoute))));

    [Theory]
    [InlineData("Gamunex-C")]
    [InlineData("Gammaked")]
    [InlineData("Gammagard Liquid")]
    public void TreatsDualRouteProductWithoutRouteAsIv(string product) => Assert.Equal(IvigKind.Ivig, Kind(WithText(product)));

    [Fact]
    public void AcceptsEdqmIntravenousRoute() =>
        Assert.Equal(IvigKind.Ivig, Kind(WithText("Gamunex-C", Build.Concept(FhirSystems.Edqm, "20045000"))));

    [Fact]
    public void ReadsSubcutaneousRouteText() =>
        Assert.Equal(IvigKind.NotIvig, Kind(WithText("Gammagard Liquid", new CodeableConcept { Text = "Subcutaneous" })));

    [Fact]
    public void ResolvesContainedMedication()
    {
        var order = Build.Order("o-1", new ResourceReference("#med"));
        order.Contained.Add(new Medication { Id = "med", Code = new CodeableConcept { Text = "Octagam 10%" } });

        Assert.Equal(IvigKind.Ivig, Kind(order));
    }

    [Theory]
    [InlineData("Medication/med-9")]
    [InlineData("med-9")]
    [InlineData("http://ehr.example/fhir/Medication/med-9")]
    public void ResolvesMedicationFromEvidence(string reference)
    {
        var order = Build.Order("o-1", new ResourceReference(reference));
        var medication = new Medication { Id = "med-9", Code = new CodeableConcept(FhirSystems.Ndc, "44206-0439-40") };

        Assert.Equal(IvigKind.Ivig, Kind(order, [medication]));
    }

    [Fact]
    public void ReadsIngredientOfResolvedMedication()
    {
        var order = Build.Order("o-1", new ResourceReference("Medication/m"));
        var medication = new Medication { Id = "m", Code = new CodeableConcept { Text = "Formulary item 123" } };
        medication.Ingredient.Add(new Medication.IngredientComponent { Item = new CodeableConcept(FhirSystems.RxNorm, "1426680") });

        Assert.Equal(IvigKind.Ivig, Kind(order, [medication]));
    }

    [Fact]
    public void RecognisesUnresolvableReferenceByDisplay() =>
        Assert.Equal(IvigKind.Ivig, Kind(Build.Order("o-1", new ResourceReference("Medication/x", "Privigen 10%")), medicationUnavailable: true));

    [Fact]
    public void UnresolvableUnrecognisableReferenceIsUnknownOnlyWhenMedicationsUnavailable()
    {
        var order = Build.Order("o-1", new ResourceReference("Medication/x"));

        Assert.Equal(IvigKind.Unknown, Kind(order, medicationUnavailable: true));
        Assert.Equal(IvigKind.NotIvig, Kind(order, medicationUnavailable: false));
    }

    [Fact]
    public void LocalCodesAndHcpcsSystemAreConfigurable()
    {
        var recogniser = new IvigOrder(new IvigOrderOptions { LocalCodes = ["urn:oid:1.2.3|IG-77"], HcpcsSystem = "urn:hcpcs", HcpcsCodes = ["J1576"] });

        Assert.Equal(IvigKind.Ivig, recogniser.Recognise(WithCode("urn:oid:1.2.3", "IG-77"), [], false).Kind);
        Assert.Equal(IvigKind.Ivig, recogniser.Recognise(WithCode("urn:hcpcs", "J1576"), [], false).Kind);
        Assert.Equal(IvigKind.NotIvig, recogniser.Recognise(WithCode("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J1459"), [], false).Kind);
    }

    [Theory]
    [InlineData("order-select.json")]
    [InlineData("order-sign.json")]
    public void RecognisesTheSandboxImmuneGlobulinOrderFromText(string file)
    {
        var order = SandboxOrder(file);

        Assert.Equal(IvigKind.Ivig, Kind(order));
    }

    [Fact]
    public void DoesNotRecogniseTheSandboxLabetalolOrder()
    {
        var order = SandboxOrder("order-select-labetalol.json");

        Assert.Equal(IvigKind.NotIvig, Kind(order));
    }

    [Fact]
    public void SandboxOrderWithSingleObjectReasonCodeGivesNoCard()
    {
        // The sandbox sends reasonCode as one object (SNOMED 230578006, CIDP: not a default code): the reason decides → neither → no card.
        var evidence = new ClinicalEvidence { OrdersInScope = [SandboxOrder("order-select.json")], Patient = Build.Patient(AdministrativeGender.Female, "1968-04-12") };

        var assessment = Scenario.Assess(evidence);

        Assert.True(assessment.IsDecided);
        Assert.Empty(assessment.Advice);
    }

    internal static MedicationRequest SandboxOrder(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)));
        var element = document.RootElement.GetProperty("context").GetProperty("draftOrders").GetProperty("entry")[0].GetProperty("resource");
        var order = FhirResourceParser.TryParse<MedicationRequest>(element, out var problem);
        Assert.True(order is not null, problem);
        return order;
    }
}
