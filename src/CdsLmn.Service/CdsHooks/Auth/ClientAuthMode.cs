namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>Whether CDS clients (EHRs) must present a JWT (docs/cds-hooks-spec.md §6.2).</summary>
internal enum ClientAuthMode
{
    /// <summary>Every call under <c>/cds-services</c> needs a valid client JWT.</summary>
    Required,

    /// <summary>No client authentication at all; for development only, logged as a warning at start.</summary>
    Disabled,
}
