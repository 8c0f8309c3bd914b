using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Stewardship.Setup;

namespace CdsLmn.Service.Commands;

/// <summary>
/// <c>report [--from yyyy-MM-dd] [--to yyyy-MM-dd | --days N] [--format table|csv|json] [--out FILE]</c>: the
/// stewardship report (<see cref="StewardshipReport"/>). Without a period it covers every card in the store.
/// </summary>
internal static class ReportCommand
{
    public const string Name = "report";

    public static Command Create(IReadOnlyDictionary<string, string?>? settings)
    {
        var from = DayOption("--from", "First UTC day of the period (inclusive); open by default");
        var to = DayOption("--to", "Last UTC day of the period (inclusive); open by default");
        var days = new Option<int?>("--days")
        {
            Description = "The last N UTC days, today included (instead of --from/--to)",
            HelpName = "N",
        };
        var format = new Option<ReportFormat>("--format")
        {
            Description = "Output format",
            HelpName = "table|csv|json|html",
            DefaultValueFactory = _ => ReportFormat.Table,
            CustomParser = ParseFormat,
        };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Write the report to this file instead of standard output",
            HelpName = "file",
        };

        var command = new Command(Name, "Print the stewardship report: cards issued per service, mode and decision row, and their feedback, from the store the service uses (configured like the service).")
        {
            from, to, days, format, output,
        };
        command.Validators.Add(result =>
        {
            var (start, end, last) = (Day(ValueOrDefault(result, from)), Day(ValueOrDefault(result, to)), ValueOrDefault(result, days));
            if (last is not null && (start is not null || end is not null))
            {
                result.AddError("--days cannot be combined with --from or --to.");
            }
            else if (last is < 1)
            {
                result.AddError("--days must be at least 1.");
            }
            else if (start > end)
            {
                result.AddError("--from is after --to.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var period = parse.GetValue(days) is { } n
                ? ReportPeriod.LastDays(n, DateOnly.FromDateTime(DateTime.UtcNow))
                : new ReportPeriod(Day(parse.GetValue(from)), Day(parse.GetValue(to)));
            var request = new ReportRequest(period, parse.GetValue(format), parse.GetValue(output)?.FullName);
            return StewardshipReport.RunAsync(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, settings, cancellationToken);
        });
        return command;
    }

    /// <summary>An option's value, or default when it failed to parse (reading it then throws; its own error is already reported).</summary>
    private static T? ValueOrDefault<T>(CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>A day as text, checked by the option's validator, so that reading it never throws in the command's own validator.</summary>
    private static Option<string?> DayOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "yyyy-MM-dd" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && Day(text) is null)
            {
                result.AddError($"{name} must be a date as yyyy-MM-dd, not '{text}'.");
            }
        });
        return option;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static ReportFormat ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!int.TryParse(text, out _) && Enum.TryParse<ReportFormat>(text, ignoreCase: true, out var format))
        {
            return format;
        }
        result.AddError($"--format must be one of {string.Join(", ", Enum.GetNames<ReportFormat>().Select(n => n.ToLowerInvariant()))}, not '{text}'.");
        return ReportFormat.Table;
    }
}
