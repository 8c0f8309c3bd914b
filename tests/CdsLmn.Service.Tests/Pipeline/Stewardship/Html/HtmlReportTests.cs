using System.Diagnostics;
using AngleSharp.Html.Parser;
using CdsLmn.Service.Commands;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship.Html;

/// <summary>
/// <c>report --format html --out FILE</c>: one self-contained page (figures, four inline SVG charts, a sample card),
/// parsed with AngleSharp and rendered by headless Debian chromium, which must be installed (.ci/run installs it).
/// </summary>
public sealed class HtmlReportTests(SeededStore store) : IClassFixture<SeededStore>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cdslmn-html-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WritesOneSelfContainedPageWithChartsFiguresAndASampleCard()
    {
        var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(await WriteReportAsync()));

        var charts = document.QuerySelectorAll("figure > svg");
        Assert.Equal(4, charts.Length);
        Assert.All(charts, chart => Assert.NotEmpty(chart.QuerySelectorAll("rect")));
        var chartText = string.Join(" ", charts.Select(c => c.TextContent));
        foreach (var title in new[] { "Cards per week by indicator", "Override rate per decision row", "Top override reasons", "Accepted suggestions", "Cancel the IVIg order", "row 3" })
        {
            Assert.Contains(title, chartText, StringComparison.Ordinal);
        }

        Assert.Empty(document.QuerySelectorAll("script, link, iframe, img, object, embed"));
        var external = document.All
            .SelectMany(e => e.Attributes.Where(a => a.Name is "src" or "href" or "xlink:href").Select(a => a.Value))
            .Where(v => v.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("//", StringComparison.Ordinal));
        Assert.Empty(external);

        var figures = document.QuerySelector("table.figures")!; // every card in the store: March and the one in February
        Assert.Contains(figures.QuerySelectorAll("tr"), tr => tr.TextContent.Contains("ivig-lmn-order-selectActive3warning6231", StringComparison.Ordinal));

        var card = document.QuerySelector(".card.warning")!;
        Assert.StartsWith("Empiric IVIg unlikely to help", card.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Creatine kinase", card.QuerySelector("table")!.TextContent, StringComparison.Ordinal); // the markdown table, rendered
        Assert.Contains(card.QuerySelectorAll("button"), b => b.TextContent == "Remove the IVIg order");
    }

    [Fact]
    public async Task RendersInHeadlessChromium()
    {
        var page = await WriteReportAsync();
        var screenshot = Path.Combine(_directory, "report.png");

        var dom = await RunChromiumAsync("--dump-dom", new Uri(page).AbsoluteUri);
        await RunChromiumAsync($"--screenshot={screenshot}", "--window-size=1500,2400", "--hide-scrollbars", new Uri(page).AbsoluteUri);

        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(dom, "<svg").Count);
        Assert.Contains("Empiric IVIg unlikely to help", dom, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal((1500, 2400), (BigEndian(png, 16), BigEndian(png, 20))); // IHDR width and height
        Assert.True(png.Length > 50_000, $"the screenshot is only {png.Length} bytes: the page looks blank");
    }

    private async Task<string> WriteReportAsync()
    {
        var path = Path.Combine(_directory, "report.html");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CdsLmnCommandLine.RunAsync(["report", "--format", "html", "--out", path], output, error,
            new Dictionary<string, string?> { ["CdsLmn:Storage:SqlitePath"] = store.App.SqlitePath });
        Assert.True(code == 0, error.ToString());
        Assert.Empty(output.ToString());
        return path;
    }

    private static async Task<string> RunChromiumAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Chromium()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static string Chromium()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, "chromium is not installed: `apt-get install chromium` (.ci/run installs it when missing)");
        return found!;
    }

    private static int BigEndian(byte[] bytes, int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
