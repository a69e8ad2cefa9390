using Connectors.Kubernetes.Items;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Output;
using Connectors.Kubernetes.Cli.Projects;
using Connectors.Kubernetes.Cli.Secrets;
using Connectors.Kubernetes.Validation;

namespace Connectors.Kubernetes.Cli.Commands;

/// <summary>
/// Applies the field options of <c>register</c> and <c>update</c> to a <see cref="ConnectorDraft"/>:
/// plain fields become item metadata, credentials and certificates become secret parameters
/// (certificates stored as base64 of their PEM, one line, safe in environment variables).
/// </summary>
internal static class DraftEditor
{
    public static void Apply(CliContext context, ParseResult parse, ConnectorFieldOptions fields, ConnectorDraft draft)
    {
        SetText(parse, fields.Server, draft, ConnectorItemContract.Server);
        if (parse.GetValue(fields.AuthMethod) is { } method)
        {
            draft.Set(ConnectorItemContract.AuthMethod, ConnectorTypes.AuthMethod(method).Name);
        }

        SetText(parse, fields.ClusterName, draft, ConnectorItemContract.ClusterName);
        SetText(parse, fields.Namespace, draft, ConnectorItemContract.Namespace);
        SetText(parse, fields.TlsServerName, draft, ConnectorItemContract.TlsServerName);
        if (parse.GetValue(fields.Insecure))
        {
            draft.Set(ConnectorItemContract.InsecureSkipTlsVerify, "true");
        }

        if (parse.GetValue(fields.ExpiresAt) is { } expires)
        {
            draft.Set(ConnectorItemContract.ExpiresAt, Durations.ParseIso(expires));
        }

        var labels = parse.GetValue(fields.Labels) ?? [];
        if (labels.Length > 0)
        {
            var merged = new SortedDictionary<string, string>(LabelSet.Parse(draft.Get(ConnectorItemContract.Labels)).ToDictionary(), StringComparer.Ordinal);
            foreach (var (key, value) in labels.Select(LabelSet.ParseOption))
            {
                merged[key] = value;
            }

            draft.Set(ConnectorItemContract.Labels, LabelSet.Format(merged));
        }

        SetSecret(context, parse, fields.Token, draft, SecretNames.Token);
        SetSecret(context, parse, fields.Username, draft, SecretNames.Username);
        SetSecret(context, parse, fields.Password, draft, SecretNames.Password);

        if (parse.GetValue(fields.CertificateAuthority) is { } ca)
        {
            draft.SetSecret(SecretNames.CertificateAuthority, Certificate(context, ca, "CERTIFICATE", ConnectorRule.InvalidCertificateAuthority, "--certificate-authority", secret: false));
        }

        if (parse.GetValue(fields.ClientCertificate) is { } clientCertificate)
        {
            draft.SetSecret(SecretNames.ClientCertificate, Certificate(context, clientCertificate, "CERTIFICATE", ConnectorRule.InvalidClientCertificate, "--client-certificate", secret: false));
        }

        if (ConnectorFieldOptions.Given(parse, fields.ClientKey))
        {
            var given = parse.GetValue(fields.ClientKey);

            // A path to a key file is not a secret itself: read it without the command-line warning.
            var key = given is not null && !given.StartsWith('@') && given != "-" && !given.TrimStart().StartsWith("-----", StringComparison.Ordinal) && File.Exists(context.ResolvePath(given))
                ? File.ReadAllText(context.ResolvePath(given), Encoding.UTF8)
                : SecretInput.Resolve(context, "--client-key", true, given);
            draft.SetSecret(SecretNames.ClientKey, Certificate(context, key ?? string.Empty, "PRIVATE KEY", ConnectorRule.InvalidClientKey, "--client-key", secret: true));
        }
    }

    /// <summary>Loads certificate material (path, PEM or base64) and returns it as base64 of PEM.</summary>
    private static string Certificate(CliContext context, string value, string label, ConnectorRule rule, string option, bool secret)
    {
        var pem = CertificateMaterial.TryLoad(value, context.WorkingDirectory, label, secret, out _, out var error);
        if (pem is null)
        {
            throw new CliException(
                CliDiagnostics.ForRule(rule),
                $"The value of {option} cannot be used: {error}.",
                "Give a PEM file path, PEM text or base64 of PEM or DER.");
        }

        // Whether the PEM parses (and the key matches the certificate) is the shared validator's call, made on the whole draft.
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
    }

    private static void SetText(ParseResult parse, Option<string?> option, ConnectorDraft draft, string metadata)
    {
        if (parse.GetValue(option) is { } value)
        {
            draft.Set(metadata, value.Trim());
        }
    }

    private static void SetSecret(CliContext context, ParseResult parse, Option<string?> option, ConnectorDraft draft, string suffix)
    {
        var value = SecretInput.Resolve(context, option.Name, ConnectorFieldOptions.Given(parse, option), parse.GetValue(option));
        if (value is not null)
        {
            draft.SetSecret(suffix, value);
        }
    }
}
