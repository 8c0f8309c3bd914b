namespace CdsLmn.Service.Tests.Support;

/// <summary>A few C# files written to a temporary folder, for the tests that check the checks over src/; deleted on dispose.</summary>
public sealed class SourceTree : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cdslmn-src-");

    public SourceTree(params (string File, string Text)[] files)
    {
        foreach (var (file, text) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(_root.FullName, file), text);
        }
    }

    public string Path => _root.FullName;

    public void Dispose() => _root.Delete(recursive: true);
}
