using System.Globalization;

namespace CdsLmn.Service.Stewardship;

public enum ReportFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>The report's command line: <c>report [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--format table|csv|json]</c>.</summary>
public sealed record ReportArguments(ReportPeriod Period, ReportFormat Format)
{
    public const string Usage = "usage: CdsLmn.Service report [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--format table|csv|json]\n"
        + "  Cards issued from --from to --to (inclusive UTC days; open ends by default) and their feedback.";

    /// <summary>Parses the arguments after <c>report</c>; on failure, <paramref name="error"/> says what is wrong.</summary>
    public static ReportArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        DateOnly? from = null, to = null;
        var format = ReportFormat.Table;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is not ("--from" or "--to" or "--format"))
            {
                error = $"unknown argument '{option}'";
                return null;
            }
            if (i + 1 >= args.Count)
            {
                error = $"{option} needs a value";
                return null;
            }
            var value = args[++i];
            switch (option)
            {
                case "--format" when Enum.TryParse<ReportFormat>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _):
                    format = parsed;
                    break;
                case "--format":
                    error = $"--format must be table, csv or json, not '{value}'";
                    return null;
                default:
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        error = $"{option} must be a date as yyyy-MM-dd, not '{value}'";
                        return null;
                    }
                    if (option == "--from")
                    {
                        from = day;
                    }
                    else
                    {
                        to = day;
                    }
                    break;
            }
        }

        if (from > to)
        {
            error = "--from is after --to";
            return null;
        }
        return new ReportArguments(new ReportPeriod(from, to), format);
    }
}
