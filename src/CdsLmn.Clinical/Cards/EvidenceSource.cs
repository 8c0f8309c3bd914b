using System.Collections.Immutable;
namespace CdsLmn.Clinical.Cards;

/// <summary>
/// The sources a card may cite, each with the link the card must carry when it cites it (docs/clinical-evidence.md §5.5:
/// every cited source has a link). <see cref="Name"/> is how the detail text names the source.
/// </summary>
internal sealed record EvidenceSource(string Name, string Label, Uri Url)
{
    public static EvidenceSource Simon2013 { get; } = new("Simon et al., Neurology 2013", "Simon et al., Neurology 2013 (3/31 responders)",
        new Uri("https://pmc.ncbi.nlm.nih.gov/articles/PMC3863347/"));

    public static EvidenceSource JournalWatch { get; } = new("NEJM Journal Watch", "NEJM Journal Watch: IVIg for lower motor neuron syndromes",
        new Uri("http://www.jwatch.org/na32871/2013/11/26/ivig-lower-motor-neuron-syndromes"));

    public static EvidenceSource EfnsPns2010 { get; } = new("EFNS/PNS 2010", "EFNS/PNS 2010 MMN guideline (tables)",
        new Uri("https://pmc.ncbi.nlm.nih.gov/articles/PMC4409549/"));

    public static EvidenceSource VanDenBergVos2000 { get; } = new("Van den Berg-Vos et al., Ann Neurol 2000", "Van den Berg-Vos et al., Ann Neurol 2000 (CK and IVIg response)",
        new Uri("https://pubmed.ncbi.nlm.nih.gov/11117549/"));

    public static EvidenceSource VanDenBerg1997 { get; } = new("van den Berg et al., JNNP 1997", "van den Berg et al., JNNP 1997 (high anti-GM1 without conduction block)",
        new Uri("https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/11864665"));

    public static EvidenceSource Burrell2011 { get; } = new("Burrell et al., PLoS One 2011", "Burrell et al., PLoS One 2011 (31/42 isolated LMN syndromes responded)",
        new Uri("https://pmc.ncbi.nlm.nih.gov/articles/PMC3204999/"));

    public static EvidenceSource Ontario { get; } = new("Ontario IVIG guidelines", "Ontario IVIG/SCIG utilization management guidelines, neurology",
        new Uri("https://transfusionontario.org/en/category/ivig-scig/utilization-management-guidelines/neurology-indications/page/2"));

    public static EvidenceSource Australia { get; } = new("Australian NBA criteria", "Australia, NBA criteria for the clinical use of immunoglobulin (MMN)",
        new Uri("https://www.criteria.blood.gov.au/MedicalCondition/View/2558"));

    /// <summary>Every source a card may cite.</summary>
    public static ImmutableArray<EvidenceSource> All { get; } =
        [Simon2013, JournalWatch, EfnsPns2010, VanDenBergVos2000, VanDenBerg1997, Burrell2011, Ontario, Australia];
}
