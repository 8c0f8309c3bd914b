using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship;

/// <summary>The rule data annotations cannot say: the Postgres provider needs its connection string.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(
                $"{StorageOptions.ConnectionStringKey} is required when CdsLmn:Storage:Provider is Postgres (environment: ConnectionStrings__CdsLmn).")
            : ValidateOptionsResult.Success;
}
