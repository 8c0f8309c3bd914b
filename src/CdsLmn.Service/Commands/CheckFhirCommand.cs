using System.CommandLine;

namespace CdsLmn.Service.Commands;

/// <summary>Placeholder: check-fhir is built in a later commit.</summary>
internal static class CheckFhirCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?>? settings) => new("check-fhir", "Not yet available.");
}
