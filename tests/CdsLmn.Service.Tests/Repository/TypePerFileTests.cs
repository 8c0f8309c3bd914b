using System.Text.RegularExpressions;

namespace CdsLmn.Service.Tests.Repository;

/// <summary>Every top-level type of src/ has a file of its own, named after it; private nested helpers may stay nested.</summary>
public partial class TypePerFileTests
{
    [Fact]
    public void EachTopLevelTypeOfSrcHasItsOwnFile()
    {
        var src = Path.Combine(RepositoryFiles.Root, "src");

        var misplaced = Misplaced(src).ToList();

        Assert.True(misplaced.Count == 0, "Types not in a file of their own name:\n"
            + string.Join('\n', misplaced.Select(m => $"  {Path.GetRelativePath(src, m.File)}: {string.Join(", ", m.Types)}")));
    }

    [Fact]
    public void FindsASecondTypeAndAMisnamedFile()
    {
        using var tree = new SourceTree(
            ("Alpha.cs", "namespace A;\n\ninternal sealed class Alpha\n{\n    private sealed class Nested;\n}\n"),
            ("Beta.cs", "namespace A;\n\npublic sealed record Beta(int X);\n\ninternal enum Gamma\n{\n    One,\n}\n"),
            ("Delta.cs", "namespace A;\n\ninternal static class Epsilon;\n"));

        var misplaced = Misplaced(tree.Path).ToDictionary(m => Path.GetFileName(m.File), m => m.Types);

        Assert.Equal(["Beta.cs", "Delta.cs"], misplaced.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Beta", "Gamma"], misplaced["Beta.cs"]);
        Assert.Equal(["Epsilon"], misplaced["Delta.cs"]);
    }

    private static IEnumerable<(string File, List<string> Types)> Misplaced(string root)
    {
        var separator = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) || file.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            {
                continue;
            }

            // File-scoped namespaces: a top-level type starts at the beginning of a line, a nested one is indented.
            var types = TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            if (types.Count > 1 || (types.Count == 1 && types[0] != Path.GetFileNameWithoutExtension(file)))
            {
                yield return (file, types);
            }
        }
    }

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|readonly|partial)\s+)*(?:record\s+struct|record\s+class|class|record|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
