using System.Text.RegularExpressions;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Reads conduction block from a nerve conduction report's free-text conclusion (docs/fhir-inputs.md §3 tier 3;
/// docs/clinical-evidence.md §2.3, §4c, §5.4), NegEx-style: each mention of conduction block is judged within its clause
/// (the text between ".", ";" or a line break that starts a new statement), from cue words in a bounded window
/// before and after it. Pure and thread-safe once constructed.
/// </summary>
/// <remarks>
/// <para>Per mention, in this order: a query cue before it ("to exclude conduction block") makes it no finding; a hedge
/// anywhere in its clause makes it equivocal (hedges override assertion and negation); a negation cue within
/// <see cref="ReportTextOptions.CueWindowWords"/> words before it (up to a scope terminator such as "but", or a comma
/// unless the comma is part of an "X, Y or conduction block" list) or after it (up to a comma) negates it, unless an
/// exception ("except in the left ulnar forearm") follows; an entrapment site next to an asserted block keeps it from
/// counting; otherwise the mention asserts a block.</para>
/// <para>Across mentions: any hedged mention makes the report EQUIVOCAL. An asserted block is PRESENT unless the report
/// also negates conduction block without naming a site, then it is mixed and EQUIVOCAL. <b>Restricted negations:</b>
/// a negation whose scope names a site, nerve, side or "other"/"elsewhere" ("Conduction block in the left ulnar
/// forearm; no conduction block in other nerves", "... No conduction block in the median nerves") does not contradict
/// a block asserted elsewhere: the report is PRESENT, as a neuromuscular specialist reads it (one nerve with a block
/// is enough under EFNS/PNS 2010, docs/clinical-evidence.md §2.3). Without an assertion such a negation is an ordinary one.
/// A report whose only blocks sit at entrapment sites is EQUIVOCAL. A report that only negates is ABSENT, unless it
/// also states a limitation anywhere ("proximal stimulation not performed"), then EQUIVOCAL (docs/clinical-evidence.md
/// §5.4). No mention at all is EQUIVOCAL with no sentence.</para>
/// </remarks>
internal sealed class ReportConclusionReader
{
    // Guards only against pathological input; generous, so a busy machine never turns a readable report into "not read in time".
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Flags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly Regex ListJoin = new(@"(?<![\p{L}\p{Nd}])n?or(?![\p{L}\p{Nd}])", Flags, MatchTimeout);

    private readonly bool _enabled;
    private readonly int _maxQuoteLength;
    private readonly int _window;
    private readonly Regex? _mention;
    private readonly Regex? _negation;
    private readonly Regex? _postNegation;
    private readonly Regex? _hedge;
    private readonly Regex? _limitation;
    private readonly Regex? _site;
    private readonly Regex? _entrapment;
    private readonly Regex? _query;
    private readonly Regex? _exception;
    private readonly Regex? _terminator;
    private readonly Regex? _terminatorOrException;

    public ReportConclusionReader(ReportTextOptions options)
    {
        _enabled = options.Enabled;
        _maxQuoteLength = Math.Max(20, options.MaxQuoteLength);
        _window = Math.Max(1, options.CueWindowWords);
        _mention = Phrases(options.EffectiveAssertionPhrases);
        _negation = Phrases(options.EffectiveNegationCues);
        _postNegation = Phrases(options.EffectivePostNegationCues);
        _hedge = Phrases(options.EffectiveHedgeCues);
        _limitation = Phrases(options.EffectiveLimitationCues);
        _site = Phrases(options.EffectiveSiteCues);
        _entrapment = Phrases(options.EffectiveEntrapmentCues);
        _query = Phrases(options.EffectiveQueryCues);
        _exception = Phrases(options.EffectiveExceptionCues);
        _terminator = Phrases(options.EffectiveScopeTerminators);
        _terminatorOrException = Phrases([.. options.EffectiveScopeTerminators, .. options.EffectiveExceptionCues]);
    }

    private enum Kind
    {
        Query,
        Hedged,
        Negated,
        RestrictedNegation,
        Entrapment,
        Asserted,
    }

    private readonly record struct Mention(int Start, int End, Kind Kind, string? Cue);

    public ReportTextReading Read(string? conclusion)
    {
        if (!_enabled)
        {
            return new ReportTextReading(ConductionBlockState.Equivocal, null, "report text reading is switched off");
        }

        if (string.IsNullOrWhiteSpace(conclusion))
        {
            return new ReportTextReading(ConductionBlockState.Equivocal, null, "report text is empty");
        }

        try
        {
            return Judge(conclusion);
        }
        catch (RegexMatchTimeoutException)
        {
            return new ReportTextReading(ConductionBlockState.Equivocal, null, "report text could not be read in time");
        }
    }

    private ReportTextReading Judge(string text)
    {
        var spans = new List<(int Start, int End)>();
        for (var m = _mention?.Match(text); m is { Success: true }; m = m.NextMatch())
        {
            spans.Add((m.Index, m.Index + m.Length));
        }

        var sentenceEnds = OutsideMentions(ReportTextSentences.Ends(text, clauses: false), spans);
        var clauseEnds = OutsideMentions(ReportTextSentences.Ends(text, clauses: true), spans);

        Mention? hedged = null, asserted = null, negated = null, unrestricted = null, entrapment = null, query = null;
        foreach (var (start, end) in spans)
        {
            var (clauseStart, clauseEnd) = Enclosing(clauseEnds, start);
            var mention = Classify(text, clauseStart, clauseEnd, start, end);
            switch (mention.Kind)
            {
                case Kind.Hedged:
                    hedged ??= mention;
                    break;
                case Kind.Asserted:
                    asserted ??= mention;
                    break;
                case Kind.Negated:
                    unrestricted ??= mention;
                    negated ??= mention;
                    break;
                case Kind.RestrictedNegation:
                    negated ??= mention;
                    break;
                case Kind.Entrapment:
                    entrapment ??= mention;
                    break;
                case Kind.Query:
                    query ??= mention;
                    break;
            }
        }

        if (hedged is { } h)
        {
            return Reading(ConductionBlockState.Equivocal, text, sentenceEnds, h, $"report text hedges (\"{h.Cue}\")");
        }

        if (asserted is { } a)
        {
            return unrestricted is null
                ? Reading(ConductionBlockState.Present, text, sentenceEnds, a, "report text asserts conduction block")
                : Reading(ConductionBlockState.Equivocal, text, sentenceEnds, a, "report text both asserts and negates conduction block");
        }

        if (entrapment is { } e)
        {
            return Reading(ConductionBlockState.Equivocal, text, sentenceEnds, e, $"report text places conduction block at an entrapment site (\"{e.Cue}\")");
        }

        if (negated is { } n)
        {
            return Find(_limitation, text, 0, text.Length) is { } limitation
                ? Reading(ConductionBlockState.Equivocal, text, sentenceEnds, n, $"report text negates conduction block, but the study was limited (\"{Collapse(limitation.Value)}\")")
                : Reading(ConductionBlockState.Absent, text, sentenceEnds, n, "report text negates conduction block");
        }

        return query is null
            ? new ReportTextReading(ConductionBlockState.Equivocal, null, "report text does not mention conduction block")
            : new ReportTextReading(ConductionBlockState.Equivocal, null, "report text names conduction block only as the question asked");
    }

    private Mention Classify(string text, int clauseStart, int clauseEnd, int start, int end)
    {
        var scopeStart = clauseStart;
        // An exception ends the scope before a mention ("no abnormality except conduction block ..."), not after it.
        for (var m = Find(_terminatorOrException, text, clauseStart, start); m is not null; m = Next(m))
        {
            scopeStart = m.Index + m.Length;
        }

        var scopeEnd = Find(_terminator, text, end, clauseEnd)?.Index ?? clauseEnd;
        var before = WindowStart(text, scopeStart, start);
        var comma = start > before ? text.LastIndexOf(',', start - 1, start - before) : -1;
        if (comma >= 0 && !ListJoin.IsMatch(text.AsSpan(comma + 1, start - comma - 1)))
        {
            before = comma + 1;
        }

        var after = WindowEnd(text, end, scopeEnd);
        var postComma = after > end ? text.IndexOf(',', end, after - end) : -1;
        after = postComma < 0 ? after : postComma;

        // A hedge inside a longer negation cue ("no definite" in "no definite or probable") does not hedge.
        var negations = new List<Match>();
        for (var m = Find(_negation, text, clauseStart, clauseEnd); m is not null; m = Next(m))
        {
            negations.Add(m);
        }

        var hedges = new List<Match>();
        for (var m = Find(_hedge, text, clauseStart, clauseEnd); m is not null; m = Next(m))
        {
            if (!WithinAny(negations, m))
            {
                hedges.Add(m);
            }
        }

        for (var m = Find(_query, text, before, start); m is not null; m = Next(m))
        {
            if (!WithinAny(hedges, m))
            {
                return new Mention(start, end, Kind.Query, Collapse(m.Value));
            }
        }

        if (hedges.Count > 0)
        {
            return new Mention(start, end, Kind.Hedged, Collapse(hedges[0].Value));
        }

        if ((Find(_negation, text, before, start) ?? Find(_postNegation, text, end, after)) is { } negation)
        {
            if (Find(_exception, text, end, scopeEnd) is { } exception)
            {
                return new Mention(start, end, Kind.Asserted, Collapse(exception.Value));
            }

            var restricted = Find(_site, text, scopeStart, start) ?? Find(_site, text, end, scopeEnd);
            return new Mention(start, end, restricted is null ? Kind.Negated : Kind.RestrictedNegation, Collapse(negation.Value));
        }

        return (Find(_entrapment, text, before, start) ?? Find(_entrapment, text, end, after)) is { } site
            ? new Mention(start, end, Kind.Entrapment, Collapse(site.Value))
            : new Mention(start, end, Kind.Asserted, null);
    }

    private ReportTextReading Reading(ConductionBlockState state, string text, List<int> sentenceEnds, Mention mention, string why)
    {
        var (start, end) = Enclosing(sentenceEnds, mention.Start);
        return new ReportTextReading(state, ReportTextQuote.Of(text, start, end, mention.Start, mention.End, _maxQuoteLength), why);
    }

    private static bool WithinAny(List<Match> outer, Match inner)
    {
        foreach (var o in outer)
        {
            if (o.Index <= inner.Index && inner.Index + inner.Length <= o.Index + o.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A line break or period inside a mention ("conduction\nblock") does not end its sentence.</summary>
    private static List<int> OutsideMentions(List<int> ends, List<(int Start, int End)> spans)
    {
        ends.RemoveAll(b => spans.Exists(s => s.Start < b && b < s.End));
        return ends;
    }

    private static (int Start, int End) Enclosing(List<int> ends, int position)
    {
        var start = 0;
        foreach (var end in ends)
        {
            if (end > position)
            {
                return (start, end);
            }

            start = end;
        }

        return (start, ends[^1]);
    }

    private int WindowStart(string text, int floor, int position)
    {
        var i = position;
        for (var words = 0; words < _window && i > floor; words++)
        {
            while (i > floor && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            while (i > floor && !char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }
        }

        return i;
    }

    private int WindowEnd(string text, int position, int ceiling)
    {
        var i = position;
        for (var words = 0; words < _window && i < ceiling; words++)
        {
            while (i < ceiling && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < ceiling && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>The first match wholly inside [start, end); lookarounds do not see past either edge.</summary>
    private static Match? Find(Regex? regex, string text, int start, int end)
    {
        if (regex is null || end <= start)
        {
            return null;
        }

        var match = regex.Match(text, start, end - start);
        return match.Success ? match : null;
    }

    private static Match? Next(Match match)
    {
        var next = match.NextMatch();
        return next.Success ? next : null;
    }

    private static string Collapse(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// One regex for a phrase list: whole words, case-insensitive, any whitespace or a hyphen between words, longest
    /// phrase first so the cue quoted in the card is the fullest one ("could not be excluded", not "could").
    /// </summary>
    private static Regex? Phrases(IEnumerable<string> phrases)
    {
        var alternatives = new List<string>();
        foreach (var phrase in phrases)
        {
            var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var pattern = new System.Text.StringBuilder();
            if (char.IsLetterOrDigit(words[0][0]))
            {
                pattern.Append(@"(?<![\p{L}\p{Nd}])");
            }

            for (var i = 0; i < words.Length; i++)
            {
                if (i > 0)
                {
                    var joinsWords = char.IsLetterOrDigit(words[i - 1][^1]) && char.IsLetterOrDigit(words[i][0]);
                    pattern.Append(joinsWords ? @"(?:\s+|\s*-\s*)" : @"\s*");
                }

                pattern.Append(Regex.Escape(words[i]));
            }

            if (char.IsLetterOrDigit(words[^1][^1]))
            {
                pattern.Append(@"(?![\p{L}\p{Nd}])");
            }

            alternatives.Add(pattern.ToString());
        }

        if (alternatives.Count == 0)
        {
            return null;
        }

        alternatives.Sort((x, y) => y.Length.CompareTo(x.Length));
        return new Regex(string.Join('|', alternatives), Flags, MatchTimeout);
    }
}
