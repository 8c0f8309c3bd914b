using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Findings;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Builders;

/// <summary>Small builders for the FHIR resources the advisor reads. Dates are relative to <see cref="Now"/>.</summary>
internal static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public const string Nm = CdsLmnCodes.NeuromuscularSystem;
    public const string Interp = FhirSystems.Interpretation;

    /// <summary>Open test orders as the advisor reads them with the default options.</summary>
    public static PendingTests PendingTests => new(ClinicalDefaults.PendingOrderStatuses, new ClinicalOptions().PendingWindowDays);

    public static string Day(int daysAgo) => Now.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string At(DateTimeOffset when) => when.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    public static MedicationRequest IvigOrder(string id = "ivig-1", string text = "Privigen 10% IV", CodeableConcept? route = null, CodeableConcept? reason = null) =>
        Order(id, new CodeableConcept { Text = text }, route, reason ?? Icd("G12.25", "Progressive spinal muscle atrophy"));

    public static MedicationRequest Order(string id, DataType medication, CodeableConcept? route = null, CodeableConcept? reason = null, string status = "draft")
    {
        var order = new MedicationRequest
        {
            Id = id,
            Status = Enum.Parse<MedicationRequest.MedicationrequestStatus>(status.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true),
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Subject = new ResourceReference("Patient/pt-1"),
            Medication = medication,
        };
        if (route is not null)
        {
            order.DosageInstruction.Add(new Dosage { Route = route });
        }

        if (reason is not null)
        {
            order.ReasonCode.Add(reason);
        }

        return order;
    }

    public static CodeableConcept Concept(string system, string code, string? display = null) => new(system, code, display);

    public static CodeableConcept Icd(string code, string? display = null) => new(FhirSystems.Icd10Cm, code, display);

    public static CodeableConcept Snomed(string code, string? display = null) => new(FhirSystems.Snomed, code, display);

    public static CodeableConcept Local(string code) => new(Nm, code);

    public static Patient Patient(AdministrativeGender? gender = AdministrativeGender.Male, string? birthDate = "1960-05-01") =>
        new() { Id = "pt-1", Gender = gender, BirthDate = birthDate };

    public static Condition Condition(CodeableConcept code, string id = "cond-1", string? clinicalStatus = "active", string? verification = "confirmed")
    {
        var condition = new Condition { Id = id, Code = code, Subject = new ResourceReference("Patient/pt-1") };
        if (clinicalStatus is not null)
        {
            condition.ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus);
        }

        if (verification is not null)
        {
            condition.VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification);
        }

        return condition;
    }

    public static Observation Observation(string id, CodeableConcept code, DataType? value, int daysAgo, string status = "final")
    {
        var observation = new Observation
        {
            Id = id,
            Code = code,
            Value = value,
            Effective = new FhirDateTime(Day(daysAgo)),
            Subject = new ResourceReference("Patient/pt-1"),
        };
        observation.StatusElement = new Code<ObservationStatus>();
        observation.StatusElement.JsonValue = status;
        return observation;
    }

    // ---- conduction block ----

    public static Observation CbFinding(string id, DataType? value, int daysAgo = 30, string? protocol = null, string? grade = null, string? interpretation = null, string status = "final")
    {
        var observation = Observation(id, Local("motor-conduction-block"), value, daysAgo, status);
        if (protocol is not null)
        {
            observation.Component.Add(new Observation.ComponentComponent { Code = Local("cb-protocol"), Value = Local(protocol) });
        }

        if (grade is not null)
        {
            observation.Component.Add(new Observation.ComponentComponent { Code = Local("cb-grade"), Value = Local(grade) });
        }

        if (interpretation is not null)
        {
            observation.Interpretation.Add(new CodeableConcept(Interp, interpretation));
        }

        return observation;
    }

    public static CodeableConcept Positive => Snomed("10828004", "Positive");
    public static CodeableConcept Negative => Snomed("260385009", "Negative");
    public static CodeableConcept Equivocal => Snomed("42425007", "Equivocal");
    public static CodeableConcept Indeterminate => Snomed("82334004", "Indeterminate");

    public static Observation Segment(string id, string segment, double? distalAmp, double? proximalAmp, double? distalArea = null, double? proximalArea = null,
        double? distalDuration = 5, double? proximalDuration = 5.5, double? lln = 4, int daysAgo = 30)
    {
        var observation = Observation(id, Local("ncs-motor-segment"), null, daysAgo);
        observation.Component.Add(new Observation.ComponentComponent { Code = Local("segment"), Value = Local(segment) });
        void Add(string code, double? value, string unit)
        {
            if (value is not null)
            {
                observation.Component.Add(new Observation.ComponentComponent { Code = Local(code), Value = new Quantity((decimal)value.Value, unit) });
            }
        }

        Add("distal-cmap-amplitude", distalAmp, "mV");
        Add("proximal-cmap-amplitude", proximalAmp, "mV");
        Add("distal-cmap-area", distalArea, "mV.ms");
        Add("proximal-cmap-area", proximalArea, "mV.ms");
        Add("distal-cmap-duration", distalDuration, "ms");
        Add("proximal-cmap-duration", proximalDuration, "ms");
        Add("distal-amplitude-lln", lln, "mV");
        return observation;
    }

    /// <summary>A segment named only by text, as many EMG systems send it ("Ulnar elbow").</summary>
    public static Observation SegmentNamed(string id, string text, double? distalAmp, double? proximalAmp, double? distalArea = null, double? proximalArea = null,
        double? distalDuration = 5, double? proximalDuration = 5.5, double? lln = 4, int daysAgo = 30)
    {
        var observation = Segment(id, "placeholder", distalAmp, proximalAmp, distalArea, proximalArea, distalDuration, proximalDuration, lln, daysAgo);
        observation.Component[0].Value = new CodeableConcept { Text = text };
        return observation;
    }

    public static MedicationRequest PastIvigOrder(string id, string status, int daysAgo)
    {
        var order = Order(id, new CodeableConcept { Text = "Privigen 10% IV" }, status: status);
        order.AuthoredOn = Day(daysAgo);
        return order;
    }

    public static DiagnosticReport NcsReport(string id, int daysAgo, string? conclusion = null, string status = "final", string loinc = "18749-2")
    {
        var report = new DiagnosticReport
        {
            Id = id,
            Code = Concept(FhirSystems.Loinc, loinc, "Electromyogram study"),
            Effective = new FhirDateTime(Day(daysAgo)),
            Conclusion = conclusion,
        };
        report.StatusElement = new Code<DiagnosticReport.DiagnosticReportStatus>();
        report.StatusElement.JsonValue = status;
        return report;
    }

    public static ServiceRequest Request(string id, string system, string code, string status = "active", int daysAgo = 5)
    {
        var request = new ServiceRequest { Id = id, Code = Concept(system, code), Intent = RequestIntent.Order, AuthoredOn = Day(daysAgo) };
        request.StatusElement = new Code<RequestStatus>();
        request.StatusElement.JsonValue = status;
        return request;
    }

    // ---- anti-GM1, CK ----

    public static CodeableConcept Gm1Code => Concept(FhirSystems.Loinc, "51703-7", "Ganglioside GM1 IgM Ab");

    public static Observation Gm1(string id, DataType? value, int daysAgo = 20, decimal? refHigh = null, string? interpretation = null, string status = "final", CodeableConcept? code = null, string? refText = null)
    {
        var observation = Observation(id, code ?? Gm1Code, value, daysAgo, status);
        if (refHigh is not null || refText is not null)
        {
            observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
            {
                High = refHigh is null ? null : new Quantity(refHigh.Value, "{index}"),
                Text = refText,
            });
        }

        if (interpretation is not null)
        {
            observation.Interpretation.Add(new CodeableConcept(Interp, interpretation));
        }

        return observation;
    }

    public static Quantity Index(decimal value) => new() { Value = value, Unit = "IV", System = "http://unitsofmeasure.org", Code = "{index}" };

    public static Observation Ck(string id, decimal value, int daysAgo = 10, decimal? refLow = null, decimal? refHigh = null, string? interpretation = null, string unit = "U/L")
    {
        var observation = Observation(id, Concept(FhirSystems.Loinc, "2157-6", "Creatine kinase"), new Quantity { Value = value, Unit = unit, Code = unit, System = "http://unitsofmeasure.org" }, daysAgo);
        if (refHigh is not null)
        {
            observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
            {
                Low = refLow is null ? null : new Quantity(refLow.Value, unit),
                High = new Quantity(refHigh.Value, unit),
            });
        }

        if (interpretation is not null)
        {
            observation.Interpretation.Add(new CodeableConcept(Interp, interpretation));
        }

        return observation;
    }

    // ---- IVIg history ----

    public static MedicationAdministration Administration(string id, int daysAgo, string text = "Privigen 10% IV", string status = "completed")
    {
        var administration = new MedicationAdministration
        {
            Id = id,
            Medication = new CodeableConcept { Text = text },
            Subject = new ResourceReference("Patient/pt-1"),
            Effective = new FhirDateTime(Day(daysAgo)),
        };
        administration.StatusElement = new Code<MedicationAdministration.MedicationAdministrationStatusCodes>();
        administration.StatusElement.JsonValue = status;
        return administration;
    }
}
