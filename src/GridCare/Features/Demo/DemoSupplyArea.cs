using System.Globalization;
using System.Text;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Organization;

namespace GridCare.Features.Demo;

/// <summary>
/// Generates a plausible supply area in 毕节 from a seed: the org tree, then county by county the network
/// (substations → 10 kV feeders → branch switches → transformers → meters → service points) and the accounts.
/// Calls must come in order (organisation first, then counties by index) for the same seed to give the same area.
/// </summary>
internal sealed class DemoSupplyArea
{
    private readonly Random random;
    private readonly DemoShape shape;

    public DemoSupplyArea(DemoSize size, int seed)
    {
        random = new Random(seed);
        shape = DemoShape.Of(size);
    }

    public DemoShape Shape => shape;

    /// <summary>省公司 → 地市局 → county bureaus → five supply stations each. Save these before creating networks.</summary>
    public DemoOrganization CreateOrganization()
    {
        var province = OrgUnit.CreateRoot("GZ", "贵州电网有限责任公司", OrgUnitLevel.Province);
        var city = OrgUnit.CreateChild(province, "GZBJ", "毕节供电局", OrgUnitLevel.City);
        city.SetOrderPrefix("BJ");
        var counties = new List<DemoCounty>();
        for (var c = 0; c < shape.Counties; c++)
        {
            var countyCode = $"GZBJ{c + 1:D2}";
            var county = OrgUnit.CreateChild(city, countyCode, $"{DemoNames.CountyShort[c]}供电局", OrgUnitLevel.County);
            county.SetOrderPrefix(DemoNames.CountyPrefixes[c]);
            var stations = DemoNames.Stations[c]
                .Select((name, s) => OrgUnit.CreateChild(county, $"{countyCode}{s + 1:D2}", $"{name}供电所", OrgUnitLevel.SupplyStation))
                .ToList();
            counties.Add(new DemoCounty(c, county, stations));
        }

        return new DemoOrganization(province, city, counties);
    }

    /// <summary>The network and accounts of one county; its org units must already have their ids.</summary>
    public DemoCountyArea CreateCounty(DemoCounty county)
    {
        ArgumentNullException.ThrowIfNull(county);
        var devices = new List<NetworkDevice>();
        var customers = new List<Customer>();
        var countyNo = county.Index + 1;
        var countyName = DemoNames.Counties[county.Index];
        var stationCount = county.Stations.Count;

        var substations = new List<NetworkDevice>();
        for (var s = 0; s < shape.SubstationsPerCounty; s++)
        {
            var name = s == 0 ? DemoNames.CountyShort[county.Index] : DemoNames.Stations[county.Index][Math.Min(s, stationCount - 1)];
            var voltage = s == 0 ? 110 : 35;
            var substation = NetworkDevice.Substation(
                $"BJ{countyNo:D2}-S{s + 1}", $"{name}{voltage}kV变电站", voltage, s == 0 ? AreaType.Urban : AreaType.Rural, county.County.Id);
            substations.Add(substation);
            devices.Add(substation);
        }

        var feedersPerStation = Split(shape.FeedersPerCounty, stationCount, firstShare: 1.0 / 3);
        var transformersPerStation = Split(shape.TransformersPerCounty, stationCount, firstShare: 0.25);
        var customersPerStation = Split(shape.CustomersPerCounty, stationCount, firstShare: 0.40);

        var feederNo = 0;
        var transformerNo = 0;
        var accountNo = 0;
        for (var s = 0; s < stationCount; s++)
        {
            var station = county.Stations[s];
            var stationName = DemoNames.Stations[county.Index][s];
            var stationArea = s == 0 ? AreaType.Urban : s == stationCount - 1 ? AreaType.Remote : AreaType.Rural;

            var feeders = new List<(NetworkDevice Device, List<NetworkDevice> Parents)>();
            for (var f = 0; f < feedersPerStation[s]; f++)
            {
                feederNo++;
                var substation = s == 0 || substations.Count == 1 ? substations[0] : substations[1 + ((s - 1) % (substations.Count - 1))];
                var area = f == feedersPerStation[s] - 1 && stationArea == AreaType.Rural && feedersPerStation[s] > 2 ? AreaType.Remote : stationArea;
                var feeder = NetworkDevice.Feeder(substation, $"BJ{countyNo:D2}-F{feederNo:D3}", $"10kV{stationName}{ToRoman(f + 1)}回线", area, station.Id);
                devices.Add(feeder);
                var parents = new List<NetworkDevice> { feeder };
                var branches = random.Next(1, 5);
                for (var b = 0; b < branches; b++)
                {
                    var upstream = parents[random.Next(parents.Count)];
                    var branch = NetworkDevice.Switch(
                        upstream, $"{feeder.Code}-K{b + 1:D2}", $"{DemoNames.Villages[random.Next(DemoNames.Villages.Length)]}支线{b + 1:D2}开关", area, station.Id);
                    devices.Add(branch);
                    parents.Add(branch);
                }

                feeders.Add((feeder, parents));
            }

            var transformers = new List<NetworkDevice>();
            for (var t = 0; t < transformersPerStation[s]; t++)
            {
                transformerNo++;
                var (feeder, parents) = feeders[t % feeders.Count];
                var parent = parents[random.Next(parents.Count)];
                var kva = Pick<int>(feeder.AreaType switch
                {
                    AreaType.Urban => [400, 500, 630, 800],
                    AreaType.Rural => [100, 160, 200, 315],
                    _ => [50, 80, 100, 160],
                });
                var place = feeder.AreaType == AreaType.Urban
                    ? DemoNames.Streets[random.Next(DemoNames.Streets.Length)]
                    : DemoNames.Villages[random.Next(DemoNames.Villages.Length)] + "村";
                var transformer = NetworkDevice.Transformer(parent, $"BJ{countyNo:D2}-T{transformerNo:D4}", $"{place}{transformerNo % 9 + 1}号公变", kva, feeder.AreaType, station.Id);
                devices.Add(transformer);
                transformers.Add(transformer);
            }

            var weights = transformers.Select(t => t.RatedKva!.Value * (0.6 + (0.8 * random.NextDouble()))).ToArray();
            var perTransformer = Apportion(customersPerStation[s], weights);
            for (var t = 0; t < transformers.Count; t++)
            {
                for (var k = 0; k < perTransformer[t]; k++)
                {
                    accountNo++;
                    var (meter, servicePoint, customer) = CreateAccount(county, countyName, stationName, transformers[t], s, accountNo);
                    devices.Add(meter);
                    devices.Add(servicePoint);
                    customers.Add(customer);
                }
            }
        }

        return new DemoCountyArea(devices, customers);
    }

    private (NetworkDevice Meter, NetworkDevice ServicePoint, Customer Customer) CreateAccount(
        DemoCounty county, string countyName, string stationName, NetworkDevice transformer, int stationIndex, int accountNo)
    {
        var countyNo = county.Index + 1;
        var urban = transformer.AreaType == AreaType.Urban;
        var roll = random.NextDouble();
        var category = urban
            ? roll < 0.85 ? CustomerCategory.Residential : roll < 0.983 ? CustomerCategory.Commercial : roll < 0.99 ? CustomerCategory.Industrial : CustomerCategory.Agricultural
            : roll < 0.92 ? CustomerCategory.Residential : roll < 0.96 ? CustomerCategory.Commercial : roll < 0.965 ? CustomerCategory.Industrial : CustomerCategory.Agricultural;

        var important = category is CustomerCategory.Commercial or CustomerCategory.Industrial && random.NextDouble() < 0.04;
        var personName = PersonName();
        var address = urban
            ? $"贵州省毕节市{countyName}{DemoNames.Streets[random.Next(DemoNames.Streets.Length)]}{random.Next(1, 300)}号{random.Next(1, 20)}栋{random.Next(1, 4)}单元{random.Next(1, 25)}0{random.Next(1, 5)}"
            : $"贵州省毕节市{countyName}{stationName}镇{transformer.Name[..^4]}{random.Next(1, 12)}组{random.Next(1, 99)}号";
        var (name, capacity, tariff, phases, ctRatio) = category switch
        {
            CustomerCategory.Residential => (personName, (decimal)Pick([4, 6, 8, 8, 10, 12]), "RES-TIERED", 1, 1),
            CustomerCategory.Commercial => (important
                ? $"{countyName}{DemoNames.ImportantSites[random.Next(DemoNames.ImportantSites.Length)]}"
                : $"{personName[..1]}记{DemoNames.Shops[random.Next(DemoNames.Shops.Length)]}", (decimal)Pick([10, 15, 20, 30, 50, 80]), "COM-SINGLE", 3, 1),
            CustomerCategory.Industrial => ($"{DemoNames.CountyShort[county.Index]}{DemoNames.Factories[random.Next(DemoNames.Factories.Length)]}", (decimal)Pick([315, 400, 630, 1000]), "IND-TWO-PART", 3, Pick([50, 100, 150, 200])),
            _ => ($"{stationName}{DemoNames.AgriculturalUses[random.Next(DemoNames.AgriculturalUses.Length)]}", (decimal)Pick([10, 20, 30, 50]), "AGR", 3, 1),
        };

        var accountNumber = string.Create(CultureInfo.InvariantCulture, $"{countyNo:D2}{stationIndex + 1}{accountNo:D7}");
        var meterNumber = string.Create(CultureInfo.InvariantCulture, $"3{countyNo:D2}{random.Next(100, 999)}{accountNo:D7}");
        var idNumber = category == CustomerCategory.Residential ? ResidentId(countyNo) : CreditCode(countyNo);
        var details = new CustomerDetails(
            accountNumber, name, Phone(), idNumber, address, category, capacity, tariff,
            IsImportant: important, IsSensitive: !important && random.NextDouble() < 0.012);

        var meter = NetworkDevice.Meter(transformer, meterNumber, phases, ctRatio);
        var servicePoint = NetworkDevice.ServicePoint(meter, $"SP{accountNumber}", address);
        return (meter, servicePoint, Customer.Open(details, servicePoint));
    }

    private string PersonName()
    {
        var total = DemoNames.Surnames.Sum(s => s.Weight);
        var pick = random.Next(total);
        var surname = DemoNames.Surnames[^1].Surname;
        foreach (var (candidate, weight) in DemoNames.Surnames)
        {
            if (pick < weight)
            {
                surname = candidate;
                break;
            }

            pick -= weight;
        }

        var chars = DemoNames.GivenNameCharacters;
        var given = random.NextDouble() < 0.75
            ? string.Concat(chars[random.Next(chars.Length)], chars[random.Next(chars.Length)])
            : chars[random.Next(chars.Length)].ToString();
        return surname + given;
    }

    private string Phone() =>
        DemoNames.PhonePrefixes[random.Next(DemoNames.PhonePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>An 18-character resident ID (GB 11643) with a valid check character, registered in the county.</summary>
    private string ResidentId(int countyNo)
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 65));
        var body = string.Create(CultureInfo.InvariantCulture, $"5205{20 + countyNo:D2}{birth:yyyyMMdd}{random.Next(0, 1000):D3}");
        int[] factors = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((ch, i) => (ch - '0') * factors[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>An 18-character unified social credit code shape (GB 32100) for businesses.</summary>
    private string CreditCode(int countyNo)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var builder = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"915205{20 + countyNo:D2}"));
        while (builder.Length < 18)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private T Pick<T>(T[] options) => options[random.Next(options.Length)];

    private static string ToRoman(int n) => n switch
    {
        1 => "Ⅰ",
        2 => "Ⅱ",
        3 => "Ⅲ",
        4 => "Ⅳ",
        5 => "Ⅴ",
        6 => "Ⅵ",
        7 => "Ⅶ",
        8 => "Ⅷ",
        9 => "Ⅸ",
        10 => "Ⅹ",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Splits <paramref name="total"/> over <paramref name="parts"/>: the first (the county town) gets its share, the rest equally.</summary>
    private static int[] Split(int total, int parts, double firstShare)
    {
        var result = new int[parts];
        result[0] = Math.Max(1, (int)Math.Round(total * firstShare));
        var rest = total - result[0];
        for (var i = 1; i < parts; i++)
        {
            result[i] = Math.Max(1, (rest / (parts - 1)) + (i <= rest % (parts - 1) ? 1 : 0));
        }

        return result;
    }

    /// <summary>Largest-remainder apportionment of <paramref name="total"/> by weight, so counts add up exactly.</summary>
    private static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in exact.Select((e, i) => (Remainder: e - Math.Floor(e), i)).OrderByDescending(x => x.Remainder).Take(left).Select(x => x.i))
        {
            counts[i]++;
        }

        return counts;
    }
}

internal sealed record DemoShape(int Counties, int SubstationsPerCounty, int FeedersPerCounty, int TransformersPerCounty, int CustomersPerCounty)
{
    public int Customers => Counties * CustomersPerCounty;

    public static DemoShape Of(DemoSize size) => size switch
    {
        DemoSize.Small => new DemoShape(1, 2, 6, 40, 1_500),
        DemoSize.County => new DemoShape(1, 3, 24, 600, 30_000),
        DemoSize.City => new DemoShape(10, 3, 24, 600, 30_000),
    };
}

internal sealed record DemoCounty(int Index, OrgUnit County, IReadOnlyList<OrgUnit> Stations);

internal sealed record DemoOrganization(OrgUnit Province, OrgUnit City, IReadOnlyList<DemoCounty> Counties)
{
    public IEnumerable<OrgUnit> All => new[] { Province, City }.Concat(Counties.SelectMany(c => c.Stations.Prepend(c.County)));
}

internal sealed record DemoCountyArea(IReadOnlyList<NetworkDevice> Devices, IReadOnlyList<Customer> Customers);
