namespace CdsLmn.Clinical;

/// <summary>Collects validation messages under a configuration key prefix.</summary>
internal sealed class OptionsErrors
{
    private readonly string _prefix;
    private readonly List<string> _messages;

    public OptionsErrors(string prefix)
        : this(prefix, [])
    {
    }

    private OptionsErrors(string prefix, List<string> messages)
    {
        _prefix = prefix;
        _messages = messages;
    }

    public IReadOnlyList<string> Messages => _messages;

    public OptionsErrors Sub(string name) => new($"{_prefix}:{name}", _messages);

    public string Key(string name) => $"{_prefix}:{name}";

    public void Add(string name, string problem) => _messages.Add($"{Key(name)} {problem}");

    public void Positive(string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            Add(name, "must be greater than 0");
        }
    }

    public void Range(string name, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(name, $"must be between {min} and {max}");
        }
    }

    /// <summary>A configured list must not hold blank entries and (unless allowed) must not be empty.</summary>
    public void CodeList(string name, string[]? values, bool allowEmpty = false)
    {
        if (values is null)
        {
            return;
        }

        if (!allowEmpty && values.Length == 0)
        {
            Add(name, "must not be empty");
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                Add($"{name}:{i}", "must not be blank");
            }
        }
    }

    /// <summary>A list of <c>system|code</c> tokens: each must have both parts.</summary>
    public void TokenList(string name, string[]? values)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (Fhir.CodeToken.Parse(values[i]) is null)
            {
                Add($"{name}:{i}", "must be 'system|code'");
            }
        }
    }

    public void Uri(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !System.Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            Add(name, "must be an absolute URI");
        }
    }
}
