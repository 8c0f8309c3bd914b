using CdsLmn.Clinical;
using CdsLmn.Clinical.Advising;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service;

/// <summary>
/// Binds the clinical rules (<c>CdsLmn:Clinical</c>: thresholds, windows, code lists, decision table) and
/// refuses to start when a value is unusable, naming the key.
/// </summary>
internal static class ClinicalRulesRegistration
{
    public static IHostApplicationBuilder AddClinicalRules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClinicalOptions>()
            .BindConfiguration(ClinicalOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ClinicalOptions>, ClinicalOptionsValidator>();
        builder.Services.AddSingleton(services => new IvigAdvisor(services.GetRequiredService<IOptions<ClinicalOptions>>().Value));
        builder.Services.AddSingleton(services => new ResultRelevance(services.GetRequiredService<IOptions<ClinicalOptions>>().Value));
        return builder;
    }

    private sealed class ClinicalOptionsValidator : IValidateOptions<ClinicalOptions>
    {
        public ValidateOptionsResult Validate(string? name, ClinicalOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
