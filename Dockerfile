# OvopBot: build with the .NET SDK, run on the ASP.NET runtime as a non-root user. The flows and the official
# region list are inside the image (beside the program); the database, media, exports and backups live on the
# /data volume. See docs/deploy.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so a code change does not download the packages again.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OvopBot/OvopBot.csproj src/OvopBot/
RUN dotnet restore src/OvopBot/OvopBot.csproj
COPY src/OvopBot/ src/OvopBot/
COPY flows/ flows/
COPY data/wilayah/ data/wilayah/
RUN dotnet publish src/OvopBot/OvopBot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's "app" user (uid 1654) owns the data folder; a new named volume takes over that ownership.
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Storage__DatabasePath=/data/ovopbot.db \
    Storage__MediaPath=/data/media \
    ChatExports__Folder=/data/exports \
    Backups__Folder=/data/backups
VOLUME /data
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "OvopBot.dll"]
CMD ["run"]
