# Multi-stage build: the SDK image restores, builds and publishes; the ASP.NET runtime image runs it as a
# non-root user on port 8080. Nothing secret is baked in: trusted clients, allowed FHIR servers and the rest
# come from environment variables (CdsLmn__Section__Key) at run time.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig cds-services.json ./
COPY src/ src/
RUN dotnet publish src/CdsLmn.Service -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The discovery document is embedded in the assembly; a copy sits beside it for operators to read.
COPY cds-services.json ./
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_gcServer=0
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CdsLmn.Service.dll"]
