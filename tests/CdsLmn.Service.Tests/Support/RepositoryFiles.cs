namespace CdsLmn.Service.Tests.Support;

/// <summary>The repository the tests run from (found from the test output by its CdsLmn.sln), for tests over its files.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CdsLmn.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CdsLmn.sln above {AppContext.BaseDirectory}");
    }
}
