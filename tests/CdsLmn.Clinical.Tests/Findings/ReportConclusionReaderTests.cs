using CdsLmn.Clinical.Findings;

namespace CdsLmn.Clinical.Tests.Findings;

public class ReportConclusionReaderTests
{
    private static readonly ReportConclusionReader Reader = new(new ReportTextOptions());

    private const ConductionBlockState Present = ConductionBlockState.Present;
    private const ConductionBlockState Absent = ConductionBlockState.Absent;
    private const ConductionBlockState Equivocal = ConductionBlockState.Equivocal;

    /// <summary>Report text, expected state, and words the quoted sentence must contain (null: no sentence, the text is silent).</summary>
    public static TheoryData<string, ConductionBlockState, string?> Phrasings => new()
    {
        // ---- PRESENT: the report asserts a block ----
        { "Impression: Partial motor conduction block in the left ulnar nerve in the forearm segment, consistent with multifocal motor neuropathy.", Present, "Partial motor conduction block in the left ulnar nerve" },
        { "CONCLUSION: DEFINITE CONDUCTION BLOCK IN THE RIGHT MEDIAN NERVE (FOREARM SEGMENT).", Present, "DEFINITE CONDUCTION BLOCK" },
        { "Probable conduction block of the left ulnar nerve between wrist and below-elbow stimulation sites.", Present, "Probable conduction block" },
        { "CB in the left ulnar nerve.", Present, "CB in the left ulnar nerve" },
        { "Conduction block at the forearm segment of the right median nerve.", Present, "Conduction block at the forearm segment" },
        { "No denervation. Partial conduction block in the left ulnar forearm.", Present, "Partial conduction block in the left ulnar forearm" },
        { "Motor CB in the right ulnar nerve, upper arm segment; sensory studies are normal.", Present, "Motor CB in the right ulnar nerve" },
        { "Conduction blocks in two nerves (left median forearm, right ulnar upper arm), fulfilling EFNS/PNS criteria for definite MMN.", Present, "Conduction blocks in two nerves" },
        { "Impression:\nMultifocal demyelinating motor neuropathy with block of conduction in the left median nerve at the upper arm.", Present, "block of conduction in the left median nerve" },
        { "Normal sensory studies.\nPartial motor\nconduction block in the right median nerve, forearm segment.", Present, "Partial motor conduction block in the right median nerve" },
        { "impression: no denervation. partial motor conduction block left ulnar forearm.", Present, "partial motor conduction block left ulnar forearm" },
        { "No evidence of denervation, partial conduction block in the right ulnar nerve above the elbow.", Present, "partial conduction block in the right ulnar nerve" },
        { "NO DENERVATION\nCONDUCTION BLOCK IN THE LEFT ULNAR NERVE, FOREARM SEGMENT", Present, "CONDUCTION BLOCK IN THE LEFT ULNAR NERVE" },
        { "Conduction\nBlock in the left median nerve (forearm): 62% area reduction, duration increase 12%.", Present, "Conduction Block in the left median nerve" },
        { "Findings are consistent with MMN: conduction block in the left ulnar (forearm, 58% area drop) and right median (upper arm) nerves.", Present, "conduction block in the left ulnar" },
        { "Distal CMAP 6.2 mV vs. 2.1 mV on proximal stimulation, i.e. a conduction block of approx. 66% in the left ulnar forearm.", Present, "Distal CMAP 6.2 mV vs. 2.1 mV on proximal stimulation, i.e. a conduction block of approx. 66%" },
        { "Left N. ulnaris: conduction block in the forearm segment.", Present, "Left N. ulnaris: conduction block" },
        { "IMPRESSION:\n1. No denervation.\n2. Partial conduction block, left ulnar forearm.\n3. Normal sensory responses.", Present, "Partial conduction block, left ulnar forearm" },
        { "No conduction block except in the left ulnar nerve between wrist and elbow.", Present, "except in the left ulnar nerve" },
        { "No abnormality apart from a partial conduction block in the left ulnar forearm.", Present, "partial conduction block" },
        { "Conduction block was not seen, except in the right median nerve at the upper arm.", Present, "except in the right median nerve" },

        { "NERVE CONDUCTION STUDY REPORT\nIndication: progressive weakness of the left hand, ?MMN.\nFindings: Left ulnar motor: distal CMAP 7.8 mV (ADM), 3.1 mV at below elbow; area reduction 61%, duration increase 11%. Median and peroneal motor studies normal, including stimulation at the axilla and Erb's point. Sensory studies normal.\nImpression: Definite motor conduction block in the left ulnar nerve, forearm segment, outside typical entrapment sites, supporting MMN.", Present, "Definite motor conduction block in the left ulnar nerve" },
        { "Conduction block in the left ulnar forearm segment, not present in the median nerve.", Present, "Conduction block in the left ulnar forearm segment" },

        // ---- PRESENT: a negation restricted to other sites does not contradict a site-specific block ----
        { "Conduction block in the left ulnar forearm; no conduction block in other nerves.", Present, "Conduction block in the left ulnar forearm" },
        { "Partial motor conduction block left ulnar forearm. No conduction block in the median or peroneal nerves.", Present, "Partial motor conduction block left ulnar forearm" },
        { "Definite conduction block in the right median nerve (upper arm). No conduction block elsewhere.", Present, "Definite conduction block in the right median nerve" },
        { "Motor NCS: no CB in median/ulnar nerves bilaterally; CB in L ulnar forearm (area drop 55%).", Present, "CB in L ulnar forearm" },

        // ---- ABSENT: plain negation ----
        { "No conduction block.", Absent, "No conduction block" },
        { "Impression: No evidence of motor conduction block in the nerves studied.", Absent, "No evidence of motor conduction block" },
        { "CONCLUSION: Axonal sensorimotor polyneuropathy without conduction block.", Absent, "without conduction block" },
        { "Conduction block was not seen in any of the motor nerves studied, including proximal stimulation at Erb's point.", Absent, "Conduction block was not seen" },
        { "There is no conduction block.", Absent, "There is no conduction block" },
        { "Median and ulnar motor studies with stimulation at the axilla and Erb's point: conduction block was not demonstrated.", Absent, "conduction block was not demonstrated" },
        { "Without evidence of demyelination or conduction block.", Absent, "demyelination or conduction block" },
        { "No denervation, demyelination or conduction block.", Absent, "No denervation, demyelination or conduction block" },
        { "NO EVIDENCE OF\nCONDUCTION BLOCK.", Absent, "NO EVIDENCE OF CONDUCTION BLOCK" },
        { "NO EVIDENCE OF DEMYELINATION\nOR CONDUCTION BLOCK", Absent, "OR CONDUCTION BLOCK" },
        { "Conduction block was not found. Features are consistent with a motor neuronopathy.", Absent, "Conduction block was not found" },
        { "Impression: 1. Chronic denervation in C5-T1 myotomes. 2. No definite or probable motor conduction block by EFNS/PNS criteria.", Absent, "No definite or probable motor conduction block" },
        { "Conduction block: none.", Absent, "Conduction block: none" },
        { "No conduction block. Possible cervical radiculopathy.", Absent, "No conduction block" },
        { "Impression:\nNormal sensory nerve conduction studies.\nReduced CMAPs in the right median and ulnar nerves without conduction block, including proximal stimulation to Erb's point.\nNeedle EMG shows active and chronic denervation in cervical and lumbosacral segments, consistent with motor neuron disease.", Absent, "Reduced CMAPs in the right median and ulnar nerves without conduction block" },
        { "Conduction studies, including proximal stimulation, do not show conduction block.", Absent, "do not show conduction block" },
        { "Ulnar and median motor studies with stimulation up to Erb's point. Conduction block is absent.", Absent, "Conduction block is absent" },
        { "No fibrillation potentials or conduction blocks were found.", Absent, "conduction blocks" },
        { "Conduction block was ruled out in all nerves tested.", Absent, "ruled out" },
        { "Referred to exclude multifocal motor neuropathy with conduction block.\nImpression: no conduction block; findings consistent with motor neuron disease.", Absent, "no conduction block" },
        { "Indication: ?MMN with conduction block.\nImpression: No conduction block in the median, ulnar or peroneal nerves.", Absent, "No conduction block in the median" },

        // ---- EQUIVOCAL: hedged ----
        { "Conduction block cannot be excluded.", Equivocal, "cannot be excluded" },
        { "Possible conduction block in the left median nerve at the upper arm.", Equivocal, "Possible conduction block" },
        { "Borderline conduction block (area reduction 45%) in the right ulnar forearm.", Equivocal, "Borderline conduction block" },
        { "Conduction block in the left ulnar forearm was not excluded.", Equivocal, "was not excluded" },
        { "No definite conduction block, but possible partial block at the right ulnar forearm.", Equivocal, "possible partial block" },
        { "Questionable conduction block across the forearm segment of the left median nerve.", Equivocal, "Questionable conduction block" },
        { "Conduction block could not be assessed because proximal stimulation was not tolerated.", Equivocal, "could not be assessed" },
        { "A partial conduction block could not be excluded in the left ulnar nerve (submaximal stimulation at Erb's point).", Equivocal, "could not be excluded" },
        { "CB cannot be excluded in the\nright median nerve.", Equivocal, "CB cannot be excluded in the right median nerve" },
        { "No conduction block in the ulnar nerves. Conduction block in the left median nerve cannot be ruled out.", Equivocal, "cannot be ruled out" },

        // ---- EQUIVOCAL: mixed, limited study, entrapment site ----
        { "Findings: probable conduction block in the right median nerve, forearm segment.\nImpression: No conduction block.", Equivocal, "probable conduction block" },
        { "Proximal stimulation not performed. No conduction block in the distal segments.", Equivocal, "No conduction block in the distal segments" },
        { "No motor conduction block was identified; however, proximal stimulation was not performed.", Equivocal, "No motor conduction block was identified" },
        { "Pseudo-conduction block in the right median nerve due to submaximal stimulation at the axilla.", Equivocal, "Pseudo-conduction block" },
        // Conservative: a hedge anywhere in the clause that names the block hedges it, even when it is about something else.
        { "No conduction block, but possible mild axonal loss in the left ulnar nerve.", Equivocal, "No conduction block" },
        { "Study incomplete (patient discomfort). No conduction block seen in the segments examined.", Equivocal, "No conduction block seen" },
        { "Focal conduction block of the left ulnar nerve across the elbow, consistent with ulnar neuropathy at the elbow.", Equivocal, "across the elbow" },

        // ---- EQUIVOCAL: silent about conduction block ----
        { "Impression: Chronic and active denervation in the right first dorsal interosseous and biceps. Features suggest axonal loss.", Equivocal, null },
        { "No sensory abnormality; features consistent with motor neuron disease.", Equivocal, null },
        { "Normal nerve conduction studies. Needle EMG: fibrillation potentials in three regions.", Equivocal, null },
        { "Reduced CMAP amplitudes in the median and ulnar nerves with normal conduction velocities; no denervation.", Equivocal, null },
        { "Clinical question: multifocal motor neuropathy with conduction block?\nNeedle EMG shows widespread chronic denervation.", Equivocal, null },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void ReadsRealReportPhrasings(string conclusion, ConductionBlockState expected, string? quoted)
    {
        var reading = Reader.Read(conclusion);

        Assert.Equal(expected, reading.State);
        if (quoted is null)
        {
            Assert.Null(reading.Sentence);
        }
        else
        {
            Assert.NotNull(reading.Sentence);
            Assert.Contains(quoted, reading.Sentence, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void QuotesOnlyTheSentenceTheStateRestsOn()
    {
        var reading = Reader.Read("No denervation.   Partial conduction block in the left ulnar forearm.\nNormal sensory studies.");

        Assert.Equal("Partial conduction block in the left ulnar forearm.", reading.Sentence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void EmptyTextIsEquivocalWithoutASentence(string? conclusion)
    {
        var reading = Reader.Read(conclusion);

        Assert.Equal(Equivocal, reading.State);
        Assert.Null(reading.Sentence);
        Assert.Equal("report text is empty", reading.Why);
    }

    [Theory]
    [InlineData("Partial conduction block in the left ulnar forearm.", "report text asserts conduction block")]
    [InlineData("No conduction block.", "report text negates conduction block")]
    [InlineData("Conduction block cannot be excluded.", "report text hedges (\"cannot be excluded\")")]
    [InlineData("Conduction block in the left ulnar forearm. No conduction block.", "report text both asserts and negates conduction block")]
    [InlineData("Axonal motor neuropathy.", "report text does not mention conduction block")]
    [InlineData("Referred to exclude conduction block. Axonal motor neuropathy.", "report text names conduction block only as the question asked")]
    [InlineData("No proximal stimulation. No conduction block.", "report text negates conduction block, but the study was limited (\"No proximal stimulation\")")]
    [InlineData("Conduction block across the elbow.", "report text places conduction block at an entrapment site (\"across the elbow\")")]
    public void SaysWhy(string conclusion, string why) => Assert.Equal(why, Reader.Read(conclusion).Why);

    [Fact]
    public void ShortensAVeryLongSentenceAroundTheBlock()
    {
        var conclusion = "Motor nerve conduction studies of the median, ulnar, peroneal and tibial nerves bilaterally, with stimulation at the wrist, "
            + "below and above the elbow, axilla and Erb's point and recording from abductor pollicis brevis, abductor digiti minimi, "
            + "extensor digitorum brevis and abductor hallucis, show a partial motor conduction block in the left ulnar nerve between "
            + "the wrist and below-elbow sites with an area reduction of 58 percent and a duration increase of 14 percent, while all "
            + "other segments show normal amplitudes, areas, latencies and velocities.";
        Assert.True(conclusion.Length > 400);

        var reading = Reader.Read(conclusion);

        Assert.Equal(Present, reading.State);
        Assert.NotNull(reading.Sentence);
        Assert.True(reading.Sentence.Length <= 200, $"{reading.Sentence.Length} characters");
        Assert.Contains("partial motor conduction block", reading.Sentence, StringComparison.Ordinal);
        Assert.StartsWith("…", reading.Sentence, StringComparison.Ordinal);
        Assert.EndsWith("…", reading.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheOpeningOfALongSentenceWhenTheBlockIsNearItsStart()
    {
        var reading = Reader.Read("Conduction block in the left ulnar forearm " + string.Concat(Enumerable.Repeat("with normal sensory responses ", 12)) + "bilaterally.");

        Assert.NotNull(reading.Sentence);
        Assert.StartsWith("Conduction block in the left ulnar forearm", reading.Sentence, StringComparison.Ordinal);
        Assert.EndsWith("…", reading.Sentence, StringComparison.Ordinal);
        Assert.True(reading.Sentence.Length <= 200);
    }

    [Fact]
    public void HonoursAConfiguredQuoteLength()
    {
        var reader = new ReportConclusionReader(new ReportTextOptions { MaxQuoteLength = 40 });

        var reading = reader.Read("Partial motor conduction block in the left ulnar nerve between the wrist and below-elbow sites.");

        Assert.NotNull(reading.Sentence);
        Assert.True(reading.Sentence.Length <= 40, reading.Sentence);
        Assert.Contains("conduction block", reading.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void SwitchedOffReadsNothing()
    {
        var reading = new ReportConclusionReader(new ReportTextOptions { Enabled = false }).Read("Partial conduction block in the left ulnar forearm.");

        Assert.Equal(Equivocal, reading.State);
        Assert.Null(reading.Sentence);
    }

    [Fact]
    public void ACustomNegationCueWorksAndReplacesTheDefaults()
    {
        var reader = new ReportConclusionReader(new ReportTextOptions { NegationCues = ["devoid of"] });

        Assert.Equal(Present, Reader.Read("Motor studies devoid of conduction block.").State);
        Assert.Equal(Absent, reader.Read("Motor studies devoid of conduction block.").State);
        Assert.Equal(Present, reader.Read("No conduction block.").State); // "no" is no longer a cue
    }

    [Fact]
    public void ACustomAssertionListReplacesTheDefaults()
    {
        var reader = new ReportConclusionReader(new ReportTextOptions { AssertionPhrases = ["Leitungsblock"] });

        var german = reader.Read("Leitungsblock im N. ulnaris links, Unterarmsegment.");
        Assert.Equal(Present, german.State);
        Assert.Contains("Leitungsblock", german.Sentence, StringComparison.Ordinal);
        Assert.Equal("report text does not mention conduction block", reader.Read("Conduction block in the left ulnar forearm.").Why);
    }

    [Fact]
    public void ACustomHedgeCueWorks()
    {
        var reader = new ReportConclusionReader(new ReportTextOptions { HedgeCues = ["fraglich"] });

        Assert.Equal(Equivocal, reader.Read("Conduction block fraglich.").State);
        Assert.Equal(Present, reader.Read("Possible conduction block.").State);
    }

    [Fact]
    public void IsSafeToShareAcrossThreads()
    {
        var texts = Phrasings.Select(row => ((string)row[0], (ConductionBlockState)row[1])).ToArray();

        Parallel.For(0, 400, i =>
        {
            var (text, expected) = texts[i % texts.Length];
            Assert.Equal(expected, Reader.Read(text).State);
        });
    }

    [Fact]
    public void DefaultsAreValid()
    {
        var errors = new OptionsErrors("CdsLmn:Clinical:ConductionBlock:ReportText");
        new ReportTextOptions().Validate(errors);

        Assert.Empty(errors.Messages);
    }

    public static TheoryData<Action<ReportTextOptions>, string> BadOptions => new()
    {
        { o => o.AssertionPhrases = [], "CdsLmn:Clinical:ConductionBlock:ReportText:AssertionPhrases must not be empty" },
        { o => o.MaxQuoteLength = 19, "CdsLmn:Clinical:ConductionBlock:ReportText:MaxQuoteLength must be between 20 and 1000" },
        { o => o.CueWindowWords = 0, "CdsLmn:Clinical:ConductionBlock:ReportText:CueWindowWords must be between 1 and 30" },
        { o => o.HedgeCues = ["possible", " "], "CdsLmn:Clinical:ConductionBlock:ReportText:HedgeCues:1 must not be blank" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void ValidationNamesTheFullKey(Action<ReportTextOptions> spoil, string expected)
    {
        var options = new ReportTextOptions();
        spoil(options);
        var errors = new OptionsErrors("CdsLmn:Clinical:ConductionBlock:ReportText");

        options.Validate(errors);

        Assert.Contains(expected, errors.Messages);
    }
}
