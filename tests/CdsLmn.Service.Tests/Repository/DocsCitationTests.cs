using System.Text;
using System.Text.RegularExpressions;

namespace CdsLmn.Service.Tests.Repository;

/// <summary>
/// The repository cites only what it contains: every Markdown path named in src/, tests/, bench/, docs/,
/// README.md and Directory.*.props exists, nothing points outside the clone, and every "§N" after a cited
/// document is a numbered heading of that document.
/// </summary>
public sealed partial class DocsCitationTests
{
    private static readonly string[] ScannedFolders = ["src", "tests", "bench", "docs"];

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".md", ".json", ".props", ".targets", ".csproj", ".sh", ".lua", ".txt", ".yml", ".yaml", ".xml", ".http",
    };

    // Names that packages and tools ship under their own folders; a bare mention is not a citation of ours.
    private static readonly HashSet<string> WellKnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "README.md", "CHANGELOG.md", "LICENSE.md", "CONTRIBUTING.md", "SECURITY.md", "CODE_OF_CONDUCT.md",
    };

    // Built from parts so that this file does not cite the folder it forbids.
    private static readonly string[] OutsideMarkers = [".." + "/shared", ".." + "\\shared", "shared" + "/docs/"];

    // Markdown names in this file are built from parts, so that the scan does not read them as citations.
    private const string Md = ".md";

    private const string Section = @"[0-9]+[a-z]?(?:\.[0-9]+)*";

    // A Markdown path that is not part of a URL or a longer path (under docs/, bare, or relative with ../),
    // then optionally a list of sections: "§2.3", "§2.3, §4c", "§3–§5", "§4 / §5", "§5.3 and §5.4".
    [GeneratedRegex(@"(?<![\w/.\-:])(?<path>(?:\.{1,2}/)*[\w.\-]+(?:/[\w.\-]+)*\.md)\b(?<tail>[`\)\]\*""']*(?:\s*§\s?" + Section + @"(?:\s*(?:,|;|/|–|-|and|or|&)\s*§\s?" + Section + @")*)?)")]
    private static partial Regex CitedPath();

    [GeneratedRegex("§\\s?(?<n>" + Section + ")")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"^#{1,6}\s+(?:§\s*)?(?<n>" + Section + @")\.?(?:\s|$)", RegexOptions.Multiline)]
    private static partial Regex NumberedHeading();

    [Fact]
    public void EveryCitedDocumentAndSectionExists()
    {
        var root = RepositoryFiles.Root;
        var problems = Scan(root, ScannedFiles(root));
        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void TheScanFindsABrokenCitation()
    {
        var root = Directory.CreateTempSubdirectory("cdslmn-docs-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "docs"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "src"));
            File.WriteAllText(Path.Combine(root.FullName, "docs", "rules" + Md), "# Rules\n\n## 1. One\n\n### 1.2 Two\n\n### 4c. Codes\n");
            var code = Path.Combine(root.FullName, "src", "Code.cs");
            File.WriteAllText(code, string.Join('\n',
                $"// docs/rules{Md} §1.2, §4c: fine",
                $"// docs/rules{Md} §1, §9.9: the second of a list does not exist",
                $"// docs/missing{Md}: no such file",
                $"// see {OutsideMarkers[0]}/docs/rules{Md}"));

            var problems = Scan(root.FullName, [code]);

            Assert.Equal(3, problems.Count);
            Assert.Contains(problems, p => p.Contains("§9.9", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("docs/missing" + Md, StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains(OutsideMarkers[0], StringComparison.Ordinal));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static List<string> Scan(string root, IEnumerable<string> files)
    {
        var problems = new List<string>();
        var headings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var where = $"{relative}:{i + 1}";
                var line = lines[i];
                if (OutsideMarkers.FirstOrDefault(m => line.Contains(m, StringComparison.Ordinal)) is { } marker)
                {
                    problems.Add($"{where}: points outside the repository ('{marker}')");
                }

                foreach (Match match in CitedPath().Matches(line))
                {
                    var cited = match.Groups["path"].Value;
                    if (cited.Contains("shared/", StringComparison.Ordinal))
                    {
                        continue; // already reported as outside the repository
                    }

                    var target = Resolve(root, file, cited);
                    if (target is null)
                    {
                        if (!WellKnownNames.Contains(cited))
                        {
                            problems.Add($"{where}: cites '{cited}', which does not exist");
                        }

                        continue;
                    }

                    foreach (Match section in SectionNumber().Matches(match.Groups["tail"].Value))
                    {
                        var n = section.Groups["n"].Value;
                        if (!SectionsOf(target, headings).Contains(n))
                        {
                            problems.Add($"{where}: cites '{cited} §{n}', but {Path.GetRelativePath(root, target).Replace('\\', '/')} has no heading numbered {n}");
                        }
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>A cited path, relative to the citing file's folder, else to the repository root.</summary>
    private static string? Resolve(string root, string citingFile, string cited)
    {
        foreach (var folder in new[] { Path.GetDirectoryName(citingFile)!, root })
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, cited));
            if (File.Exists(candidate) && candidate.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    private static HashSet<string> SectionsOf(string document, Dictionary<string, HashSet<string>> cache)
    {
        if (!cache.TryGetValue(document, out var sections))
        {
            sections = NumberedHeading().Matches(File.ReadAllText(document)).Select(m => m.Groups["n"].Value).ToHashSet(StringComparer.Ordinal);
            cache[document] = sections;
        }

        return sections;
    }

    private static IEnumerable<string> ScannedFiles(string root)
    {
        var files = new List<string> { Path.Combine(root, "README.md") };
        files.AddRange(Directory.EnumerateFiles(root, "Directory.*.props"));
        foreach (var folder in ScannedFolders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => TextExtensions.Contains(Path.GetExtension(f)))
                .Where(f => !Path.GetRelativePath(root, f).Split('/', '\\').Any(part => part is "bin" or "obj")));
        }

        return files.Where(File.Exists);
    }

    private static string Report(List<string> problems)
    {
        var text = new StringBuilder($"{problems.Count} citation problem(s):");
        foreach (var problem in problems)
        {
            text.Append('\n').Append(problem);
        }

        return text.ToString();
    }
}
