using CdsLmn.Service.Evidence;

namespace CdsLmn.Service.Tests.Unit.Evidence;

/// <summary>SMART App Launch v1 and v2 resource scopes as fhirAuthorization.scope carries them.</summary>
public sealed class SmartScopesTests
{
    [Theory]
    [InlineData("patient/Observation.read", "Observation?patient=1", true)]
    [InlineData("patient/Observation.read", "Condition?patient=1", false)]
    [InlineData("user/Observation.rs", "Observation?patient=1", true)]
    [InlineData("system/Observation.s", "Observation?patient=1", true)]
    [InlineData("patient/Observation.r", "Observation?patient=1", false)]
    [InlineData("patient/Patient.r", "Patient/1", true)]
    [InlineData("patient/Patient.s", "Patient/1", false)]
    [InlineData("patient/*.read", "Medication/7", true)]
    [InlineData("patient/*.*", "MedicationRequest?patient=1", true)]
    [InlineData("user/*.cruds", "DiagnosticReport?patient=1", true)]
    [InlineData("patient/*.write", "Observation?patient=1", false)]
    [InlineData("patient/Observation.rs?category=laboratory", "Observation?patient=1", false)]
    [InlineData("launch/patient openid fhirUser", "Observation?patient=1", false)]
    [InlineData("Observation.read", "Observation?patient=1", false)]
    [InlineData("", "Patient/1", false)]
    public void GrantsOnlyWhatTheScopeSays(string scope, string query, bool granted)
    {
        var refusal = SmartScopes.Parse(scope)!.Refusal(query);

        Assert.Equal(granted, refusal is null);
    }

    [Fact]
    public void NoScopeMeansNoRestriction() => Assert.Null(SmartScopes.Parse(null));
}
