using Connectors.Kubernetes.Items;
using System.Text;
using Connectors.Kubernetes.Cli.Infrastructure;
using Connectors.Kubernetes.Cli.Projects;

namespace Connectors.Cli.Tests.Projects;

public sealed class ProjectFileTests
{
    // Hand-written style the editor must not disturb: tabs, CRLF, single-quoted attributes, entities,
    // comments inside and outside the item group, an unrelated item with child-element metadata.
    private const string HandWritten =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" +
        "<Project Sdk='Microsoft.NET.Sdk'>\r\n" +
        "\t<!-- keep me: a comment -->\r\n" +
        "\t<PropertyGroup Condition=\" '$(Configuration)' == 'Debug' \">\r\n" +
        "\t\t<DefineConstants>A&amp;B</DefineConstants>\r\n" +
        "\t</PropertyGroup>\r\n" +
        "\r\n" +
        "\t<ItemGroup>\r\n" +
        "\t\t<None Include='a.txt'   CopyToOutputDirectory = 'Always' />\r\n" +
        "\t\t<!-- connectors below -->\r\n" +
        "\t\t<KubernetesConnector Include=\"kube-a\" Server='https://a.example.test' />\r\n" +
        "\t\t<KubernetesConnector Include=\"kube-b\">\r\n" +
        "\t\t\t<Server>https://b.example.test</Server>\r\n" +
        "\t\t\t<Namespace> ml </Namespace>\r\n" +
        "\t\t</KubernetesConnector>\r\n" +
        "\t</ItemGroup>\r\n" +
        "</Project>\r\n";

    [Fact]
    public void Reads_items_with_attribute_and_child_element_metadata()
    {
        var file = ProjectFile.FromText("p.csproj", HandWritten);
        var items = file.Items(ConnectorItemContract.ItemType).Select(e => new ConnectorItem(e)).ToList();

        Assert.Equal(["kube-a", "kube-b"], items.Select(i => i.Name));
        Assert.Equal("https://a.example.test", items[0].Get("server"));
        Assert.Equal("https://b.example.test", items[1].Get(ConnectorItemContract.Server));
        Assert.Equal("ml", items[1].Get(ConnectorItemContract.Namespace));
        Assert.Equal("\t\t<KubernetesConnector Include=\"kube-a\" Server='https://a.example.test' />".Trim('\t'), file.Text[items[0].Element.Start..items[0].Element.End]);
    }

    [Fact]
    public void Adding_an_item_changes_only_the_inserted_line_and_copies_indentation_and_line_ending()
    {
        var file = ProjectFile.FromText("p.csproj", HandWritten);
        var added = file.AddItem(ConnectorItemContract.ItemType, "<KubernetesConnector Include=\"kube-c\" />");

        var expected = HandWritten.Replace(
            "\t\t</KubernetesConnector>\r\n",
            "\t\t</KubernetesConnector>\r\n\t\t<KubernetesConnector Include=\"kube-c\" />\r\n",
            StringComparison.Ordinal);
        Assert.Equal(expected, added.Text);
    }

    [Fact]
    public void Replacing_an_item_leaves_every_other_byte_alone()
    {
        var file = ProjectFile.FromText("p.csproj", HandWritten);
        var b = file.FindItem(ConnectorItemContract.ItemType, "KUBE-B")!;
        var replaced = file.Replace(b, "<KubernetesConnector Include=\"kube-b\" Server=\"https://b2.example.test\" />");

        Assert.Equal(HandWritten[..b.Start], replaced.Text[..b.Start]);
        Assert.Equal(HandWritten[b.End..], replaced.Text[^(HandWritten.Length - b.End)..]);
        Assert.Equal("https://b2.example.test", new ConnectorItem(replaced.FindItem(ConnectorItemContract.ItemType, "kube-b")!).Get(ConnectorItemContract.Server));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Add_then_remove_gives_back_the_original_bytes_even_when_a_new_item_group_was_needed(string newLine)
    {
        var original = string.Join(newLine, "<Project Sdk=\"Microsoft.NET.Sdk\">", "    <!-- four-space indent -->", "    <PropertyGroup>", "        <TargetFramework>net10.0</TargetFramework>", "    </PropertyGroup>", "</Project>", string.Empty);
        var file = ProjectFile.FromText("p.csproj", original);

        var added = file.AddItem(ConnectorItemContract.ItemType, "<KubernetesConnector Include=\"kube-x\" Server=\"https://x.example.test\" />");
        Assert.Contains(newLine + "    <ItemGroup>" + newLine + "        <KubernetesConnector Include=\"kube-x\"", added.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(newLine == "\n" ? "\r" : "\n\n\n", added.Text, StringComparison.Ordinal);

        var removed = added.Remove(added.FindItem(ConnectorItemContract.ItemType, "kube-x")!);
        Assert.Equal(original, removed.Text);
    }

    [Fact]
    public void Removing_one_of_several_items_keeps_the_group_and_its_comment()
    {
        var file = ProjectFile.FromText("p.csproj", HandWritten);
        var removed = file.Remove(file.FindItem(ConnectorItemContract.ItemType, "kube-a")!);

        Assert.Equal(HandWritten.Replace("\t\t<KubernetesConnector Include=\"kube-a\" Server='https://a.example.test' />\r\n", string.Empty, StringComparison.Ordinal), removed.Text);
    }

    [Fact]
    public void A_group_that_still_holds_a_comment_is_not_removed()
    {
        const string text = "<Project>\n  <ItemGroup>\n    <!-- mine -->\n    <KubernetesConnectorReference Include=\"kube-a\" />\n  </ItemGroup>\n</Project>\n";
        var file = ProjectFile.FromText("p.csproj", text);
        var removed = file.Remove(file.FindItem(ConnectorItemContract.ReferenceItemType, "kube-a")!);

        Assert.Equal("<Project>\n  <ItemGroup>\n    <!-- mine -->\n  </ItemGroup>\n</Project>\n", removed.Text);
    }

    [Fact]
    public void Adds_user_secrets_id_to_the_first_unconditional_property_group()
    {
        var file = ProjectFile.FromText("p.csproj", CliWorkspaceText);
        var edited = file.AddProperty("UserSecretsId", "abc");

        Assert.Equal(CliWorkspaceText.Replace("<OutputType>Exe</OutputType>\n", "<OutputType>Exe</OutputType>\n    <UserSecretsId>abc</UserSecretsId>\n", StringComparison.Ordinal), edited.Text);
        Assert.Equal("abc", edited.Property("UserSecretsId"));
    }

    [Fact]
    public void Save_keeps_the_byte_order_mark_and_writes_exactly_the_text()
    {
        using var folder = new Support.TempFolder();
        var path = folder.Combine("p.csproj");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(CliWorkspaceText)]);

        var file = ProjectFile.Load(path);
        file.AddItem(ConnectorItemContract.ReferenceItemType, "<KubernetesConnectorReference Include=\"k\" />").Save();

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("<KubernetesConnectorReference Include=\"k\" />", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void Malformed_xml_is_a_coded_error_with_the_line()
    {
        var ex = Assert.Throws<CliException>(() => ProjectFile.FromText("bad.csproj", "<Project>\n  <ItemGroup>\n</Project>\n"));

        Assert.Equal("KC5104", ex.Code);
        Assert.Contains("bad.csproj(3,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_values_are_escaped_when_rendered_and_read_back_unchanged()
    {
        const string tricky = "a&b<c>\"d' \n e";
        var text = ItemText.Render(ConnectorItemContract.ItemType, "kube-a", [new(ConnectorItemContract.Labels, tricky)]);
        var file = ProjectFile.FromText("p.csproj", "<Project>\n  <ItemGroup>\n    " + text + "\n  </ItemGroup>\n</Project>\n");

        Assert.Equal(tricky, new ConnectorItem(file.FindItem(ConnectorItemContract.ItemType, "kube-a")!).Element.Attribute(ConnectorItemContract.Labels));
    }

    private const string CliWorkspaceText = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n</Project>\n";
}
