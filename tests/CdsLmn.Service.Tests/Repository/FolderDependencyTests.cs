namespace CdsLmn.Service.Tests.Repository;

/// <summary>The folders of src/ depend on each other in one direction only: no circle, however long.</summary>
public class FolderDependencyTests
{
    [Fact]
    public void NoFolderOfSrcDependsOnItselfRoundACircle()
    {
        var graph = FolderGraph.Read(Path.Combine(RepositoryFiles.Root, "src"));

        var circles = graph.Circles();

        Assert.True(circles.Count == 0,
            "Folders that depend on each other:\n" + string.Join('\n', circles.Select(c => "  " + string.Join(" ⇄ ", c)
                + "\n" + string.Join('\n', c.SelectMany(from => graph.Edges[from].Where(c.Contains).Select(to => $"      {from} → {to}"))))));
    }

    /// <summary>The arrows README.md (Layout) draws between the folders: what must never be used, directly or from a subfolder.</summary>
    [Theory]
    [InlineData("CdsLmn.Service.Stewardship", "CdsLmn.Service.CdsHooks")] // the ledger keeps its own types, never wire models
    [InlineData("CdsLmn.Service.Evidence", "CdsLmn.Service.CdsHooks")] // gathering evidence never sees a request or a card
    [InlineData("CdsLmn.Service.Evidence", "CdsLmn.Service.Stewardship")]
    [InlineData("CdsLmn.Clinical", "CdsLmn.Service")] // the decision knows no host, HTTP or hook
    [InlineData("CdsLmn.Service.Telemetry", "CdsLmn")] // a leaf every folder may use
    [InlineData("CdsLmn.Service.Health", "CdsLmn")] // each folder registers its own readiness check
    [InlineData("CdsLmn.Service.Http", "CdsLmn")]
    public void ArrowsPointOneWay(string from, string neverTo)
    {
        var graph = FolderGraph.Read(Path.Combine(RepositoryFiles.Root, "src"));

        var wrong = graph.Edges
            .Where(e => Within(e.Key, from))
            .SelectMany(e => e.Value.Where(to => Within(to, neverTo) && !Within(to, from)).Select(to => $"{e.Key} → {to}"))
            .ToList();

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void AQualifiedTypeNameIsAnEdge()
    {
        using var tree = new SourceTree(
            ("Catalog.cs", "using CdsLmn.S.Health;\nnamespace CdsLmn.S.Hooks;\ninternal sealed class Catalog { Check? c; }\n"),
            ("Check.cs", "namespace CdsLmn.S.Health;\ninternal sealed class Check { Hooks.Catalog? c; }\n"));

        var circles = FolderGraph.Read(tree.Path).Circles();

        Assert.Equal([["CdsLmn.S.Health", "CdsLmn.S.Hooks"]], circles);
    }

    [Fact]
    public void FindsACircleWhenThereIsOne()
    {
        using var tree = new SourceTree(
            ("A.cs", "using CdsLmn.B;\nnamespace CdsLmn.A;\ninternal sealed class Alpha { }\n"),
            ("B.cs", "namespace CdsLmn.B;\ninternal sealed class Beta { }\n"),
            ("C.cs", "namespace CdsLmn.B.C;\ninternal sealed class Gamma { Beta? b; }\n"),
            ("D.cs", "using CdsLmn.B.C;\nnamespace CdsLmn.B;\ninternal sealed class Delta { Gamma? g; }\n"));

        var circles = FolderGraph.Read(tree.Path).Circles();

        Assert.Equal([["CdsLmn.B", "CdsLmn.B.C"]], circles);
    }

    private static bool Within(string ns, string folder) =>
        ns == folder || ns.StartsWith(folder + ".", StringComparison.Ordinal);
}
