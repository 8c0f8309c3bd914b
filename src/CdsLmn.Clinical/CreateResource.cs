using Hl7.Fhir.Model;

namespace CdsLmn.Clinical;

/// <summary>Create a new resource, e.g. a ServiceRequest for anti-GM1 IgM or a nerve conduction study.</summary>
public sealed record CreateResource(string Label, string Description, Resource Resource) : SuggestedChange(Label, Description);
