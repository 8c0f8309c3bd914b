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

    [Fact]
    public void FindsACircleWhenThereIsOne()
    {
        var root = Directory.CreateTempSubdirectory("cdslmn-graph-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "A.cs"), "using CdsLmn.B;\nnamespace CdsLmn.A;\ninternal sealed class Alpha { }\n");
            File.WriteAllText(Path.Combine(root.FullName, "B.cs"), "namespace CdsLmn.B;\ninternal sealed class Beta { }\n");
            File.WriteAllText(Path.Combine(root.FullName, "C.cs"), "namespace CdsLmn.B.C;\ninternal sealed class Gamma { Beta? b; }\n");
            File.WriteAllText(Path.Combine(root.FullName, "D.cs"), "using CdsLmn.B.C;\nnamespace CdsLmn.B;\ninternal sealed class Delta { Gamma? g; }\n");

            var circles = FolderGraph.Read(root.FullName).Circles();

            Assert.Equal([["CdsLmn.B", "CdsLmn.B.C"]], circles);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
