using CdsLmn.Service.Commands;

// Every way of starting this program (the service, report, check-fhir) is a System.CommandLine command.
return await CdsLmnCommandLine.RunAsync(args, Console.Out, Console.Error);
