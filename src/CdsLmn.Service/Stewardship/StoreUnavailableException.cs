namespace CdsLmn.Service.Stewardship;

/// <summary>The shared database cannot be reached: nothing was stored, and the caller may retry later.</summary>
internal sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : this("The audit database cannot be reached.", null)
    {
    }

    public StoreUnavailableException(string message)
        : this(message, null)
    {
    }

    public StoreUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
