using CdsLmn.Clinical.Cards;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Advising;

/// <summary>
/// The records hospitals really hold (docs/fhir-inputs.md §3–§6b), through the real advisor: each test names the card's
/// indicator (or silence) and the sentence that explains it.
/// </summary>
public class RealRecordsTests
{
    private static Advice Card(ClinicalEvidence evidence, ClinicalOptions? options = null) => Assert.Single(Scenario.Assess(evidence, options: options).Advice);

    private static Observation NormalForearm(string id = "s-median", int daysAgo = 30) => Build.Segment(id, "median-forearm", 7, 6.6, 18, 17, daysAgo: daysAgo);

    // ---- which segments count ----

    [Fact]
    public void LowAmplitudeNerveAmongNormalOnesIsListedNotAllowedToBlankTheStudy()
    {
        var weakUlnar = Build.Segment("s-ulnar", "ulnar-forearm", 0.8, 0.3, 2, 0.7);
        var advice = Card(Scenario.Lmn(weakUlnar, NormalForearm(), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Equal(4, advice.Trace.Row);
        Assert.Contains("no motor conduction block in 1 segment on 1 nerve", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("Assessed: 1 segment on 1 nerve (median). Not assessable or not counted: ulnar forearm (distal CMAP 0.8 mV, not above 1 mV).", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DistalOnlySegmentIsNotAssessableAndLeavesTooFewNerves()
    {
        var distalOnly = Build.Segment("s1", "ulnar-forearm", 7, null, 18, null);
        var advice = Card(Scenario.Lmn(distalOnly, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.Equal(9, advice.Trace.Row);
        Assert.Equal("Nerve study on record: too few nerves assessable to rule out conduction block; review before IVIg", advice.Summary);
        Assert.Contains("ulnar forearm (distal or proximal CMAP value missing)", advice.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("deferring", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void EntrapmentSiteGivenAsTextNeverShowsBlock()
    {
        var elbow = Build.SegmentNamed("s1", "Ulnar elbow", 8, 2, 20, 5);
        var advice = Card(Scenario.Lmn(elbow, NormalForearm(), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Equal("Absent", advice.Trace.ConductionBlock);
        Assert.Contains("ulnar elbow (entrapment site, not counted)", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("entrapment-site drop not counted", advice.Trace.Flags);
    }

    [Fact]
    public void SegmentTextWithSideAndOddSpacingIsRecognised()
    {
        var left = Build.SegmentNamed("s1", "Left  ULNAR_forearm", 8, 3, 20, 7);

        Assert.Equal("Present", Scenario.Assess(Scenario.Lmn(left), options: new ClinicalOptions { DecisionTable = { Row1 = CardLevel.Info } }).Advice.Single().Trace.ConductionBlock);
    }

    [Fact]
    public void TibialDropIsIgnoredAndNamedAsOutsideTheCriteria()
    {
        var tibial = Build.Segment("s-tib", "tibial-leg", 6, 2, 15, 5);
        var advice = Card(Scenario.Lmn(tibial, NormalForearm(), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Equal("Absent", advice.Trace.ConductionBlock);
        Assert.Contains("tibial leg (EFNS/PNS 2010 define no conduction block on the tibial nerve)", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSiteIsNotCounted()
    {
        var unknown = Build.SegmentNamed("s1", "Arm, somewhere", 8, 2, 20, 5);
        var advice = Card(Scenario.Lmn(unknown, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(9, advice.Trace.Row);
        Assert.Contains("(site not recognised)", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AmplitudeOnlyDropWithoutDurationIsEquivocal()
    {
        var amplitudeOnly = Build.Segment("s1", "ulnar-forearm", 8, 3, distalDuration: null, proximalDuration: null);
        var advice = Card(Scenario.Lmn(amplitudeOnly, NormalForearm(), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.Equal("Equivocal", advice.Trace.ConductionBlock);
        Assert.Equal("Nerve conduction on record is equivocal for conduction block: neuromuscular review before IVIg", advice.Summary);
        Assert.Contains("temporal dispersion not excluded", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyLowerLimbSegmentsAssessedAreTooFewToCallAbsent()
    {
        var leg = Build.Segment("s1", "peroneal-leg", 6, 5.8, 15, 14.5);
        var advice = Card(Scenario.Lmn(leg, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(9, advice.Trace.Row);
        Assert.Contains("too few nerves assessable for conduction block (0 long upper-limb segments assessed, 1 needed)", advice.Detail, StringComparison.Ordinal);
    }

    // ---- tier 3: the report's words ----

    [Fact]
    public void FreeTextNoConductionBlockWarnsAndQuotesTheReport()
    {
        var report = Build.NcsReport("emg-1", 40, "IMPRESSION: Chronic denervation in C7-T1 myotomes. No evidence of motor conduction block on extended studies.");
        var advice = Card(Scenario.Lmn(report, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Equal(4, advice.Trace.Row);
        Assert.Contains("| Nerve conduction report (free text) |", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("No evidence of motor conduction block on extended studies", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("from report text", advice.Trace.Flags);
    }

    [Theory]
    [InlineData("Conduction block cannot be excluded as proximal stimulation was not performed.")]
    [InlineData("Possible partial conduction block in the left ulnar forearm segment; borderline.")]
    [InlineData("Conduction block was not excluded.")]
    public void FreeTextHedgesGiveAnInfoCardWithoutDeferringAFinalReport(string conclusion)
    {
        var advice = Card(Scenario.Lmn(Build.NcsReport("emg-1", 40, conclusion), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.Equal(9, advice.Trace.Row);
        Assert.Equal("Nerve conduction on record is equivocal for conduction block: neuromuscular review before IVIg", advice.Summary);
        Assert.DoesNotContain("deferring", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("**Why no verdict:**", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FreeTextAssertingBlockSilencesTheWarning() =>
        Assert.Empty(Scenario.Assess(Scenario.Lmn(Build.NcsReport("emg-1", 40, "Partial motor conduction block in the right median nerve, forearm segment."),
            Scenario.Gm1Negative, Scenario.CkNormal)).Advice);

    [Fact]
    public void CodedTierWinsOverTextOnTheSameDay()
    {
        var text = Build.NcsReport("emg-1", 60, "Findings may represent conduction block.");
        var advice = Card(Scenario.Lmn(text, Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal("Absent", advice.Trace.ConductionBlock);
    }

    // ---- choosing among several results ----

    [Fact]
    public void OlderPositiveStudyOutlastsNewerNegativeOne()
    {
        var older = Build.CbFinding("ncs-2023", Build.Positive, daysAgo: 900, protocol: "extended", grade: "probable");
        var newer = Build.CbFinding("ncs-2026", Build.Negative, daysAgo: 30, protocol: "extended");
        var evidence = Scenario.Lmn(older, newer, Scenario.Gm1Negative, Scenario.CkNormal);

        Assert.Empty(Scenario.Assess(evidence).Advice); // row 1: no card by default

        var info = Card(evidence, new ClinicalOptions { DecisionTable = { Row1 = CardLevel.Info } });
        Assert.Equal(1, info.Trace.Row);
        Assert.Contains($"probable motor conduction block | {Build.Day(900)} |", info.Detail, StringComparison.Ordinal);
        Assert.Contains($"Another result disagrees: Nerve conduction, extended protocol {Build.Day(30)}: no motor conduction block (conduction block documented once still counts", info.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PositiveStudyBeyondTheLookBackNoLongerCounts()
    {
        var ancient = Build.CbFinding("ncs-2019", Build.Positive, daysAgo: 2000, protocol: "extended");
        var advice = Card(Scenario.Lmn(ancient, Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(4, advice.Trace.Row);
    }

    [Fact]
    public void StaleNegativeStudyCountsAsNotTestedWithItsDate()
    {
        var advice = Card(Scenario.Lmn(Build.CbFinding("ncs-old", Build.Negative, daysAgo: 400, protocol: "extended"), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(7, advice.Trace.Row);
        Assert.Contains($"nerve conduction study (last {Build.Day(400)}, too old to count)", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PostIvigNegativeNeverDowngradesAnEarlierHighTitre()
    {
        var preIvig = Build.Gm1("gm1-pre", Build.Index(160), daysAgo: 200, refHigh: 29);
        var postIvig = Build.Gm1("gm1-post", Build.Index(10), daysAgo: 100, refHigh: 29);
        var evidence = Scenario.Lmn(Scenario.NoCb, preIvig, postIvig, Scenario.CkNormal, Build.Administration("adm-1", 120));

        var advice = Card(evidence);

        Assert.Equal(2, advice.Trace.Row);
        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.Contains($"Another result disagrees: Anti-GM1 IgM {Build.Day(100)}", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("drawn soon after IVIg", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void HighestAntiGm1WinsOverANewerLowerOne()
    {
        var evidence = Scenario.Lmn(Scenario.NoCb, Build.Gm1("gm1-a", Build.Index(70), daysAgo: 300, refHigh: 29), Build.Gm1("gm1-b", Build.Index(12), daysAgo: 20, refHigh: 29), Scenario.CkNormal);

        var advice = Card(evidence);

        Assert.Equal("PositiveLow", advice.Trace.AntiGm1IgM);
        Assert.Contains("Observation/gm1-a", advice.Trace.Evidence);
    }

    [Theory]
    [InlineData("Positive, titer 1:25600")]
    [InlineData(">1:25600 (H)")]
    [InlineData("Strongly positive")]
    public void TitresAndWordsInTextAreRead(string value)
    {
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Build.Gm1("gm1", new FhirString(value), daysAgo: 30), Scenario.CkNormal));

        Assert.Equal(2, advice.Trace.Row);
        Assert.Equal("High", advice.Trace.AntiGm1IgM);
    }

    [Fact]
    public void TitreUnitQuantityIsATitreNotAnIndex()
    {
        var titre = new Quantity { Value = 3200, Unit = "titer", System = "http://unitsofmeasure.org", Code = "{titer}" };
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Build.Gm1("gm1", titre, daysAgo: 30), Scenario.CkNormal));

        Assert.Equal("PositiveLow", advice.Trace.AntiGm1IgM);
        Assert.Contains("titre 1:3200 — positive, not high-titre (default upper limit 1:1000)", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableValueIsCalledUnreadableNeverBorderline()
    {
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Build.Gm1("gm1", new FhirString("see scanned report"), daysAgo: 30), Scenario.CkNormal));

        Assert.Equal(5, advice.Trace.Row);
        Assert.Contains("result could not be read (reported as “see scanned report”)", advice.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("borderline", advice.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("unreadable value", advice.Trace.Flags);
    }

    [Fact]
    public void ReadableResultOutranksAnUnreadableOne()
    {
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Build.Gm1("gm1-x", new FhirString("see scanned report"), daysAgo: 10), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(4, advice.Trace.Row);
    }

    // ---- ongoing and pending ----

    [Fact]
    public void StalePendingOrderIsNotPendingButIsMentioned()
    {
        var oldOrder = Build.Request("sr-ncs", FhirSystems.Loinc, "18749-2", daysAgo: 120);
        var advice = Card(Scenario.Lmn(oldOrder, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Equal(7, advice.Trace.Row);
        Assert.Contains($"An order for nerve conduction from {Build.Day(120)} is still open but older than 90 days; it is not counted as pending.", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RecentOrderIsPendingAndTheCardSaysSo()
    {
        var advice = Card(Scenario.Lmn(Build.Request("sr-ncs", FhirSystems.Loinc, "18749-2", daysAgo: 10), Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Equal(9, advice.Trace.Row);
        Assert.Equal("Nerve conduction study pending: consider deferring IVIg until conduction block has been assessed", advice.Summary);
    }

    [Fact]
    public void StandingMaintenanceOrderOfAnyAgeIsAContinuation()
    {
        var standing = Build.PastIvigOrder("mr-standing", "active", daysAgo: 700);
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal) with { MedicationHistory = [standing] });

        Assert.Equal(10, advice.Trace.Row);
        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.Contains("by 6 months and then at least annually", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OldCompletedOrderIsNotAContinuation() =>
        Assert.Equal(4, Card(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal) with { MedicationHistory = [Build.PastIvigOrder("mr-old", "completed", daysAgo: 400)] }).Trace.Row);

    // ---- indication details ----

    [Theory]
    [InlineData("differential")]
    [InlineData("provisional")]
    [InlineData("refuted")]
    public void MmnNotConfirmedDoesNotSilenceTheCard(string verification)
    {
        var order = Build.IvigOrder(reason: Build.Icd("G12.25"));
        order.ReasonCode.Clear();
        var evidence = Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal) with
        {
            OrdersInScope = [order],
            Conditions = [Build.Condition(Build.Icd("G12.25"), "c-pma"), Build.Condition(Build.Icd("G61.82", "Multifocal motor neuropathy"), "c-mmn", verification: verification)],
        };

        var advice = Card(evidence);

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Equal(4, advice.Trace.Row);
    }

    [Fact]
    public void ConfirmedMmnStillSilencesTheCard()
    {
        var order = Build.IvigOrder();
        order.ReasonCode.Clear();
        var evidence = Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative) with
        {
            OrdersInScope = [order],
            Conditions = [Build.Condition(Build.Icd("G12.25"), "c-pma"), Build.Condition(Build.Icd("G61.82"), "c-mmn")],
        };

        Assert.Empty(Scenario.Assess(evidence).Advice);
    }

    [Fact]
    public void AlsContextSaysIvigHasNoRole()
    {
        var order = Build.IvigOrder(reason: Build.Icd("G12.21", "Amyotrophic lateral sclerosis"));
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1High, Scenario.CkNormal) with { OrdersInScope = [order] });

        Assert.Equal(2, advice.Trace.Row);
        Assert.Contains("IVIg has no established role in ALS", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("Upper-motor-neuron signs or bulbar involvement argue against MMN", advice.Detail, StringComparison.Ordinal);
        Assert.Contains(advice.Links, l => l.Url == EvidenceSource.Ontario.Url);
    }

    [Fact]
    public void VeryHighCkNamesMyopathicMimicsAndBecomesInfo()
    {
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Build.Ck("ck-1", 4200, daysAgo: 20, refLow: 39, refHigh: 308)));

        Assert.Equal(3, advice.Trace.Row);
        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.Contains("immune-mediated necrotising myopathy", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("inclusion-body myositis", advice.Detail, StringComparison.Ordinal);
        Assert.Empty(advice.Suggestions.OfType<DeleteDraftOrder>());
    }

    [Theory]
    [InlineData(AdministrativeGender.Female, "Elevated")]
    [InlineData(AdministrativeGender.Male, "Normal")]
    public void CkRangeFollowsThePatientsSex(AdministrativeGender gender, string expected)
    {
        var ck = Build.Ck("ck-1", 250, daysAgo: 20);
        ck.ReferenceRange.Add(new Observation.ReferenceRangeComponent { High = new Quantity(192, "U/L"), AppliesTo = [new CodeableConcept(FhirSystems.Snomed, "248152002", "Female")] });
        ck.ReferenceRange.Add(new Observation.ReferenceRangeComponent { High = new Quantity(308, "U/L"), AppliesTo = [new CodeableConcept(FhirSystems.Snomed, "248153007", "Male")] });
        var evidence = Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, ck) with { Patient = Build.Patient(gender) };

        Assert.Equal(expected, Card(evidence).Trace.CreatineKinase);
    }

    // ---- card wording (docs/clinical-evidence.md §5.5) ----

    [Fact]
    public void RowFourStatesTheThirtyOnePercentPreciselyWithBalance()
    {
        var advice = Card(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal));

        Assert.Contains("31 % of non-responders with distal upper-limb onset shared it", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("31 of 42 isolated LMN syndromes (Burrell et al., PLoS One 2011)", advice.Detail, StringComparison.Ordinal);
        Assert.Contains(advice.Links, l => l.Url == EvidenceSource.Burrell2011.Url);
    }

    public static TheoryData<string, Resource[]> EveryRow => new()
    {
        { "row 2", [Scenario.NoCb, Scenario.Gm1High] },
        { "row 3", [Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh] },
        { "row 4", [Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal] },
        { "row 5", [Scenario.NoCb, Scenario.Gm1Borderline] },
        { "row 6", [Scenario.NoCb] },
        { "row 7", [] },
        { "row 8", [Scenario.Gm1High] },
        { "row 9 pending", [Build.Request("sr", FhirSystems.Loinc, "18749-2")] },
        { "row 9 equivocal", [Scenario.EquivocalCb] },
        { "row 10", [Scenario.NoCb, Build.Administration("adm", 20)] },
    };

    [Theory]
    [MemberData(nameof(EveryRow))]
    public void EverySourceTheCardNamesHasALink(string name, Resource[] resources)
    {
        var advice = Card(Scenario.Lmn(resources));
        Assert.NotEmpty(advice.Links);
        foreach (var source in EvidenceSource.All.Where(s => advice.Detail.Contains(s.Name, StringComparison.Ordinal)))
        {
            Assert.True(advice.Links.Any(l => l.Url == source.Url), $"{name}: cites {source.Name} without a link");
        }

        Assert.DoesNotContain("before treatment", advice.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("6-monthly", advice.Summary, StringComparison.Ordinal);
    }
}
