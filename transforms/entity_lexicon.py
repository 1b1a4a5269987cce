"""Small hand-written word lists for the rule-based entity extractor.

General news conventions only: honorifics and titles written before names, words that end an
organisation's or a place's name, capitalised words that are not names, demonyms that do not
follow a place-name pattern, acronyms that expand to well-known bodies, and a short list of
common non-US given names (the US Census lists come from the `names` package, see
transforms.gazetteer). Nothing here is taken from annotated stories.
"""
from __future__ import annotations

# Written before a name and kept in the mention's surface ("Mr Blair", "Sir Paul McCartney").
HONORIFICS = frozenset({
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron",
    "Professor", "Prof", "Rev", "Reverend", "Sgt", "Sergeant", "Capt", "Captain", "Gen",
    "Col", "Colonel", "Lt", "Lieutenant", "Maj", "Cpl", "Corporal",
    "Pte", "Adm", "Admiral", "Cardinal", "Bishop", "Archbishop", "Sheikh", "Ayatollah",
    "Imam", "Rabbi", "Judge", "Justice",
})

# Role titles written before a name but not part of it ("President Medvedev").
HEAD_TITLES = frozenset({
    "President", "Vice-President", "Premier", "Chancellor", "Minister", "Secretary",
    "Secretary-General", "Under-Secretary-General", "Director-General", "Senator", "Sen",
    "Rep", "Representative", "Congressman", "Congresswoman", "Governor", "Gov", "Mayor",
    "King", "Queen", "Prince", "Princess", "Emperor", "Pope", "Ambassador", "Envoy",
    "Commissioner", "Chairman", "Chairwoman", "Director", "Spokesman", "Spokeswoman",
    "Spokesperson", "Attorney-General", "Solicitor-General", "Speaker", "Coach", "Manager",
    "Coroner", "Inspector", "Detective", "Superintendent", "Constable", "Commander",
    "Marshal", "MP", "MEP", "MSP", "Economist", "Analyst", "Striker", "Midfielder",
    "Defender", "Goalkeeper", "Chief", "Leader", "Officer", "Executive", "Prosecutor",
    "Editor", "CEO", "Democrat", "Republican", "Sheriff", "Dean", "Rector", "Provost",
    "Treasurer", "Chairperson", "Administrator", "Coordinator", "Co-ordinator", "Rapporteur",
    "Adviser", "Advisor", "Negotiator", "Mediator", "Counsellor", "Counselor",
})

# Words that qualify a head title ("Foreign Minister", "Shadow Home Secretary").
TITLE_MODIFIERS = frozenset({
    "Deputy", "Vice", "Foreign", "Prime", "Finance", "Defence", "Defense", "Interior",
    "Trade", "Commerce", "Industry", "Health", "Home", "Education", "Environment", "Energy",
    "Culture", "Sports", "Attorney", "Solicitor", "Shadow", "Acting", "Former",
    "Labour", "Conservative", "Tory", "Democrat", "Democratic", "Republican", "Liberal",
    "Under", "General", "Treasury", "Economy", "Agriculture", "Transport", "State",
    "Affairs", "High", "Special", "Senior", "Managing", "Opposition",
    "Party", "Team", "Club", "Economic", "Financial", "Operating", "Technology",
    "Technical", "Assistant", "Associate", "Information", "Development", "Interim", "First",
    "Lord", "Great", "Crown", "Regional", "Senate", "House", "Majority", "Minority",
    "Cabinet", "Labor", "Overseas", "International", "Security", "European",
})

# Lower-case words that, just before a capitalised name, show it names a person.
PERSON_CUE_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "chairman",
    "chairwoman", "president", "minister", "secretary", "leader", "director", "executive",
    "boss", "manager", "coach", "striker", "midfielder", "defender", "goalkeeper", "keeper",
    "player", "captain", "singer", "actor", "actress", "star", "writer", "author", "novelist",
    "poet", "artist", "musician", "guitarist", "drummer", "bassist", "frontman", "rapper",
    "producer", "filmmaker", "comedian", "presenter", "host", "journalist", "reporter",
    "correspondent", "editor", "columnist", "photographer", "lawyer", "attorney", "judge",
    "prosecutor", "professor", "researcher", "scientist", "doctor", "surgeon", "candidate",
    "mp", "mep", "senator", "governor", "mayor", "envoy", "ambassador", "official",
    "officer", "commissioner", "chancellor", "founder", "co-founder", "chief", "head",
    "colleague", "partner", "son", "daughter", "wife", "husband", "brother", "sister",
    "father", "mother", "teammate", "team-mate", "sprinter", "athlete",
    "runner", "nominee", "designer", "consultant",
    "spokesmen", "treasurer", "strategist", "investor", "entrepreneur", "tycoon",
    "businessman", "businesswoman", "chef", "pilot", "soldier", "sergeant", "detective",
    "inspector", "superintendent", "archbishop", "bishop", "cleric", "priest", "dr",
    # occupations, general
    "pianist", "violinist", "cellist", "composer", "conductor", "vocalist", "songwriter",
    "dj", "painter", "sculptor", "architect", "dancer", "choreographer", "playwright",
    "screenwriter", "broadcaster", "historian", "philosopher",
    "physicist", "chemist", "biologist", "engineer", "banker", "trader", "broker",
    "activist", "campaigner", "dissident", "blogger", "boxer", "golfer", "cyclist",
    "swimmer", "skier", "jockey", "batsman", "bowler", "winger", "full-back", "centre-back",
    "fly-half", "quarterback", "pitcher", "teenager", "widow", "nurse", "teacher", "student",
    "farmer", "aide", "adviser", "advisor",
    "administrator", "fan", "owner", "nicknamed", "landlord", "tenant", "resident",
    "victim", "suspect", "defendant", "witness", "survivor", "volunteer", "veteran",
})

# Lower-case words just before a capitalised name that show it names an organisation
# ("the newspaper Folha de Bairro").
ORG_CUE_WORDS = frozenset({
    "newspaper", "newspapers", "daily", "weekly", "magazine", "tabloid", "broadsheet",
    "agency", "broadcaster", "channel", "network", "website", "publisher", "company",
    "firm", "group", "conglomerate", "carrier", "airline", "bank", "lender", "insurer",
    "retailer", "supermarket", "chain", "manufacturer", "maker", "carmaker", "brewer",
    "operator", "utility", "charity", "union", "party", "club", "band", "label", "studio",
    "regulator", "watchdog", "ministry", "think-tank", "thinktank", "university",
})

# Lower-case words just before a capitalised name that show it names a place.
PLACE_CUE_WORDS = frozenset({"in", "at", "from", "near", "outside", "across", "around",
                             "throughout", "via", "towards", "toward"})

# Last word of an organisation's name.
ORG_SUFFIXES = frozenset({
    "Ltd", "Limited", "Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Plc",
    "PLC", "LLC", "LLP", "AG", "SA", "S.A.", "NV", "N.V.", "BV", "GmbH", "SpA", "AB", "ASA",
    "Group", "Holdings", "Holding", "Partners", "Associates", "Bros", "Brothers",
    "Bank", "Bancorp", "Party", "Council", "Agency", "Ministry", "Department", "Office",
    "Committee", "Commission", "Association", "Federation", "Union", "University", "College",
    "School", "Institute", "Foundation", "Trust", "Fund", "Board", "Court", "Courts",
    "Parliament", "Assembly", "Senate", "Congress", "Police", "Army", "Navy", "Guard",
    "Airlines", "Airways", "Motors", "Systems", "Technologies", "Technology", "Electronics",
    "Communications", "Telecom", "Research", "Management", "Securities", "Investments",
    "Investment", "Capital", "Petroleum", "Oil", "Energy", "Pharmaceuticals", "Exchange",
    "Journal", "Times", "Post", "News", "Press", "Radio", "Television", "TV", "Consortium",
    "League", "Club", "FC", "Rovers", "Athletic", "Wanderers", "Service", "Services",
    "Church", "Hospital", "Museum", "Organisation", "Organization", "Society", "Academy",
    "Authority", "Bureau", "Directorate", "Cabinet", "Coalition", "Alliance", "Movement",
    "Front", "Network", "Networks", "Studios", "Pictures", "Records", "Entertainment",
    "Media", "Publishing", "Industries", "Enterprises", "Executive",
    "Insurance", "Finance", "Financial", "Steel", "Mining", "Resources", "Chemicals",
    "Software", "Computer", "Computers", "Laboratories", "Labs", "Magazine",
    "Gazette", "Herald", "Tribune", "Telegraph", "Guardian", "Observer", "Independent",
    "Review", "Daily", "Weekly", "Mail", "Express", "Mirror", "Chronicle", "Corps",
    "Tribunal", "Secretariat", "Programme", "Program", "Forum", "Command", "Hotel", "Hotels",
    "Brigade", "Battalion", "Regiment", "Division", "Force", "Forces", "Squad", "Team",
    "Orchestra", "Band", "Choir", "Airport", "Railways", "Railway", "Lines", "Shipping",
    "Stores", "Foods", "Brewery", "Breweries", "Mills", "Works", "Reserve", "Treasury",
    "Unions", "Commerce", "Chamber", "Institution", "Centre", "Center",
})

# First word of an organisation's name written "X of ...".
ORG_PREFIXES = frozenset({
    "Ministry", "Department", "Bank", "University", "House", "Court", "Office", "Bureau",
    "Institute", "Museum", "Church", "League", "Organisation", "Organization", "Association",
    "Federation", "Council", "Board", "Chamber", "College", "School", "Academy", "Society",
    "Commission", "Committee", "Union", "Centre", "Center", "Confederation", "Congress",
    "Parliament", "Assembly", "Order", "Fund", "Agency", "Authority", "Secretariat",
})

# Words that end a place's name, or start one ("River Severn", "Mount Everest").
LOCATION_SUFFIXES = frozenset({
    "River", "Sea", "Ocean", "Island", "Islands", "Isles", "Peninsula", "Street", "Road",
    "Avenue", "Square", "Park", "Bridge", "County", "Province", "Mountains", "Mountain",
    "Hills", "Valley", "Bay", "Lake", "Strait", "Straits", "Desert", "Coast", "Heights",
    "Canal", "Gulf", "Delta", "Basin", "Plateau", "Forest", "Region", "District",
    "Stadium", "Arena", "Theatre", "Theater", "Hall", "Palace", "Gardens", "Common",
    "Lane", "Circus", "Harbour", "Harbor", "Port", "Falls", "Glacier", "Reef", "Cape",
    "Township", "Borough", "Prefecture", "Governorate", "Oblast", "Territory", "Territories",
    "Station", "Village", "Town", "City", "Quarter", "Downs", "Moor", "Wood",
    # names of historical states and polities ("Ottoman Empire", "Sokoto Caliphate")
    "Empire", "Caliphate", "Sultanate", "Khanate", "Emirate", "Kingdom",
})

# Last words of names of events, awards and documents, which are not entities.
NOT_ENTITY_SUFFIXES = frozenset({
    "Award", "Awards", "Prize", "Prizes", "Day", "Year", "Week", "Games", "Olympics",
    "Championship", "Championships", "Cup", "Festival", "Conference", "Summit", "Convention",
    "War", "Act", "Bill", "Paper", "Treaty", "Agreement", "Accord", "Protocol", "Plan",
    "Tour", "Open", "Trophy", "Series", "Show", "Expo", "Marathon", "Grand Prix", "Olympic",
})
LOCATION_PREFIXES = frozenset({"River", "Mount", "Lake", "Gulf", "Isle", "Cape", "Port",
                               "County", "Bay", "Sea", "Strait", "Fort", "Mt"})

# Words that join the parts of one name.
NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van",
                            "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "ter"})

# Compass words that make a region of a place ("North Africa", "Eastern Europe").
COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern",
                           "Western", "Central", "North-East", "North-West", "South-East",
                           "South-West", "Northeast", "Northwest", "Southeast", "Southwest",
                           "Upper", "Lower", "Greater", "Inner", "Outer"})

# Regions, continents, seas and other places that no country or city gazetteer holds.
REGIONS = frozenset({
    "Europe", "Asia", "Africa", "America", "North America", "South America", "Latin America",
    "Central America", "Oceania", "Australasia", "Antarctica", "Arctic", "Antarctic",
    "Middle East", "Near East", "Far East", "Caribbean", "Balkans", "Scandinavia", "Baltic",
    "Baltics", "Mediterranean", "Pacific", "Atlantic", "Indian Ocean", "Sahara", "Sahel",
    "Gulf", "Persian Gulf", "Arabian Peninsula", "Horn of Africa",
    "Sub-Saharan Africa", "Gaza", "Gaza Strip", "West Bank", "Golan Heights", "Kashmir",
    "Darfur", "Tibet", "Chechnya", "Kurdistan", "Siberia", "Patagonia", "Amazon",
    "Himalayas", "Alps", "Andes", "Caucasus", "Central Asia", "South Asia", "Southeast Asia",
    "South-East Asia", "East Asia", "West Africa", "East Africa", "North Africa",
    "Southern Africa", "Central Africa", "Eastern Europe", "Western Europe", "Central Europe",
    "Northern Europe", "Southern Europe", "Asia-Pacific", "Asia Pacific", "Latin", "Levant",
    "Maghreb", "Silicon Valley", "Wall Street", "Downing Street", "Whitehall", "Westminster",
    "Hollywood", "Bollywood", "West End", "City of London", "Midlands", "East Anglia",
    "Home Counties", "Highlands", "Ulster", "Cornwall", "Yorkshire", "Lancashire",
    "Merseyside", "Tyneside", "South West", "North West", "North East", "South East",
    "Bay Area", "Midwest", "New England", "Deep South", "Riviera", "Costa del Sol",
    "Channel", "English Channel", "North Sea", "Red Sea", "Black Sea", "Dead Sea",
    "Caspian", "Caspian Sea", "Aegean", "Adriatic", "Thames", "Nile", "Danube", "Rhine",
    "Euphrates", "Tigris", "Ganges", "Yangtze", "Mississippi", "Everest", "Kilimanjaro",
    "Soviet Union", "USSR", "West Germany", "East Germany", "Yugoslavia", "Czechoslovakia",
    "Burma", "Zaire", "Rhodesia", "Persia", "Ceylon", "Holland", "Great Britain", "Britain",
    "England", "Scotland", "Wales", "Northern Ireland", "Hong Kong", "Macau", "Macao",
    "Taiwan", "Palestine", "Kosovo", "Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire",
    "East Timor", "Vatican", "Vatican City",
})

# Countries under the name news writes, keyed by what is written (alpha-3 code, canonical).
COUNTRY_ALIASES = {
    "US": ("USA", "United States"), "U.S.": ("USA", "United States"),
    "U.S": ("USA", "United States"), "USA": ("USA", "United States"),
    "U.S.A.": ("USA", "United States"), "America": ("USA", "United States"),
    "United States": ("USA", "United States"),
    "United States of America": ("USA", "United States"),
    "UK": ("GBR", "United Kingdom"), "U.K.": ("GBR", "United Kingdom"),
    "United Kingdom": ("GBR", "United Kingdom"), "Britain": ("GBR", "Britain"),
    "Great Britain": ("GBR", "Great Britain"), "GB": ("GBR", "Great Britain"),
    "England": ("GBR", "England"), "Scotland": ("GBR", "Scotland"), "Wales": ("GBR", "Wales"),
    "Northern Ireland": ("GBR", "Northern Ireland"),
    "Russia": ("RUS", "Russia"), "Russian Federation": ("RUS", "Russia"),
    "Ivory Coast": ("CIV", "Cote d'Ivoire"), "Cote d'Ivoire": ("CIV", "Cote d'Ivoire"),
    "Côte d'Ivoire": ("CIV", "Cote d'Ivoire"), "Holland": ("NLD", "Netherlands"),
    "The Netherlands": ("NLD", "Netherlands"), "Burma": ("MMR", "Myanmar"),
    "South Korea": ("KOR", "South Korea"), "North Korea": ("PRK", "North Korea"),
    "Korea": ("KOR", "South Korea"), "Iran": ("IRN", "Iran"), "Syria": ("SYR", "Syria"),
    "Vietnam": ("VNM", "Vietnam"), "Laos": ("LAO", "Laos"), "Taiwan": ("TWN", "Taiwan"),
    "Tanzania": ("TZA", "Tanzania"), "Bolivia": ("BOL", "Bolivia"),
    "Venezuela": ("VEN", "Venezuela"), "Moldova": ("MDA", "Moldova"),
    "Czech Republic": ("CZE", "Czech Republic"), "Czechia": ("CZE", "Czech Republic"),
    "Macedonia": ("MKD", "Macedonia"), "Palestine": ("PSE", "Palestine"),
    "Vatican": ("VAT", "Vatican City"), "Vatican City": ("VAT", "Vatican City"),
    "Congo": ("COG", "Congo"), "DR Congo": ("COD", "Democratic Republic of the Congo"),
    "Democratic Republic of Congo": ("COD", "Democratic Republic of the Congo"),
    "Democratic Republic of the Congo": ("COD", "Democratic Republic of the Congo"),
    "DRC": ("COD", "Democratic Republic of the Congo"), "UAE": ("ARE", "United Arab Emirates"),
    "Turkey": ("TUR", "Turkey"), "Brunei": ("BRN", "Brunei"), "Cape Verde": ("CPV", "Cape Verde"),
    "Swaziland": ("SWZ", "Eswatini"), "East Timor": ("TLS", "Timor-Leste"),
    "Hong Kong": ("HKG", "Hong Kong"), "Macau": ("MAC", "Macao"),
    "Soviet Union": (None, "Soviet Union"), "USSR": (None, "Soviet Union"),
    "West Germany": ("DEU", "West Germany"), "East Germany": (None, "East Germany"),
}

# Acronyms and short forms of well-known bodies: written form -> canonical name.
ORG_ALIASES = {
    "UN": "United Nations", "U.N.": "United Nations", "United Nations": "United Nations",
    "EU": "European Union", "E.U.": "European Union", "EC": "European Community",
    "NATO": "NATO", "Nato": "NATO", "UNHCR": "UNHCR", "WFP": "World Food Programme",
    "UNICEF": "UNICEF", "Unicef": "UNICEF", "WHO": "World Health Organization",
    "IAEA": "International Atomic Energy Agency", "UNESCO": "UNESCO", "Unesco": "UNESCO",
    "FAO": "Food and Agriculture Organization", "UNDP": "UN Development Programme",
    "ILO": "International Labour Organization", "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization", "OPEC": "OPEC", "Opec": "OPEC", "OECD": "OECD",
    "ASEAN": "ASEAN", "Asean": "ASEAN", "AU": "African Union", "OAS": "Organization of American States",
    "G7": "G7", "G8": "G8", "G20": "G20", "G-7": "G7", "G-8": "G8", "G-20": "G20",
    "Group of Seven": "G7", "Group of Eight": "G8", "Group of 20": "G20",
    "Group of Twenty": "G20", "World Bank": "World Bank", "Security Council": "Security Council",
    "General Assembly": "General Assembly", "Red Cross": "Red Cross",
    "BBC": "BBC", "Reuters": "Reuters", "AP": "Associated Press",
    "Associated Press": "Associated Press", "AFP": "Agence France-Presse",
    "Agence France-Presse": "Agence France-Presse", "Agence France Presse": "Agence France-Presse",
    "CNN": "CNN", "NHS": "National Health Service", "FBI": "FBI", "CIA": "CIA",
    "Pentagon": "Pentagon", "Kremlin": "Kremlin", "Congress": "Congress",
    "Interpol": "Interpol", "Europol": "Europol", "Fifa": "Fifa", "FIFA": "Fifa",
    "Uefa": "Uefa", "UEFA": "Uefa", "IOC": "International Olympic Committee",
    "Labour": "Labour", "Tories": "Conservatives", "Conservatives": "Conservatives",
    "Lib Dems": "Liberal Democrats", "Liberal Democrats": "Liberal Democrats",
    "Lib Dem": "Liberal Democrats", "Liberal Democrat": "Liberal Democrats",
    "Labour Party": "Labour", "Conservative Party": "Conservatives", "Tory": "Conservatives",
    "Tory Party": "Conservatives", "Reuter": "Reuters",
    "Commons": "Commons", "House of Commons": "House of Commons",
    "House of Lords": "House of Lords", "Nasdaq": "Nasdaq", "NASDAQ": "Nasdaq",
}

# Short all-capital words that are not names of anything ("TV", "CEO", "GDP"): common
# business, finance, technology, medical and units abbreviations, honours and degrees,
# Roman numerals, and the wire-service shorthand of financial tables ("SHR", "REVS").
# All-capital lines (headings, page furniture, tables) are skipped as a whole, and an
# all-capital word whose lower-case form the story also uses ("FREE", "free") is a shouted
# word (see transforms.entity_rules), so neither needs listing here.
NOT_NAME_ACRONYMS = frozenset({
    "TV", "CEO", "CFO", "COO", "CTO", "GDP", "GNP", "FDI", "VAT", "PC", "PCS", "CD", "CDS",
    "DVD", "DVDS", "MP", "MPS", "MEP", "MEPS", "MSP", "MSPS", "AM", "PM", "GMT", "BST", "EST",
    "EDT", "PST", "AIDS", "HIV", "SARS", "DNA", "IVF", "IT", "OK", "II", "III", "IV", "VI",
    "VII", "VIII", "IX", "XI", "XII", "ID", "IQ", "PR", "HR", "QC", "KC", "RAM", "CPU", "USB",
    "GPS", "SMS", "MMS", "PIN", "ATM", "NB", "PS", "AD", "BC", "UFO", "VIP", "FAQ", "HQ",
    "RIP", "NO", "YES", "THE", "A", "I", "AND", "OF", "IN", "ON", "TO", "FOR", "DLRS",
    "DLR", "MLN", "BLN", "PCT", "CTS", "SHR", "NET", "REVS", "QTR", "AVG", "SHRS", "OPER",
    "LTD", "INC", "CORP", "CO", "PLC", "NOTE", "LCD", "HD", "WI-FI",
    "EPS", "PE", "IPO", "AGM", "EGM", "M&A", "R&D", "UHF", "VHF", "FM", "SUV", "KM", "MPH",
    "HIGH", "LOW", "ETC", "PHD", "MBA", "BA", "MA", "BSC", "MSC", "OBE", "MBE", "CBE", "KBE",
    "QB", "RBI", "MVP", "ERA", "TB", "ISP", "ISPS", "WWW", "HTML", "HTTP", "URL",
    "OS", "XP", "US$", "GM", "WMD", "JV", "REUTER", "UP", "VS", "PRT", "OFF", "FTSE", "NFL", "LAN", "WAN", "DSL", "ADSL",
    "VOIP", "PDA", "PDAS", "API", "SQL", "XML", "FTP", "GPU", "ROM", "AI", "PVR", "HDTV",
    "IPTV", "RFID", "SIM", "LED", "CCTV", "ASBO", "ASBOS", "GCSE", "GCSES", "NGO", "NGOS",
    "CEOS", "IPOS", "ETA", "ETF", "OTC", "P/E", "YOY", "ROI", "B2B", "ASAP",
})

# Function words: dropped from the start of a capitalised run ("The", "But", "However").
FUNCTION_WORDS = frozenset("""
a about above according across after afterwards again against ago ahead all almost also
although always among an analysts and another any anyone anything are around as at back
be because been before being below besides between both but by can could critics despite
did do does doing down during each earlier either else elsewhere enough even ever every
everyone everything experts few finally first following for formerly from further
furthermore given had has have having he her here hers herself him himself his how however
i if in including indeed initially instead into is it its itself just last later lastly
least less like likely many may maybe me meanwhile might mine moreover most mostly much
must my myself namely neither never nevertheless next no nobody none nonetheless nor not
nothing now of off officials often on once one only onto or other others otherwise our ours
ourselves out over overall own per perhaps please plus previously rather recently regardless
several shall she should similarly since so some someone something sometimes soon still
such than that the their theirs them themselves then there thereafter therefore these they
this those though through thus to today together tomorrow too towards under unless unlike
until up upon us used very via was we well were what whatever when whenever where whereas
wherever whether which while who whoever whole whom whose why will with within without
would yes yet yesterday you your yours yourself yourselves
monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december jan feb mar apr jun jul aug sep sept
oct nov dec mon tue thu fri
""".split())

# Capitalised common words that name nothing when they stand alone ("New", "Internet").
COMMON_CAPITALISED = frozenset("""
new old big small good bad great top key main major minor second third fourth fifth sixth
local national international global world worldwide public private federal state
government governments police company companies firm firms group groups official
spokesman spokeswoman sources source reports report people men women children
chapter section article part page figure table note
internet web online website email e-mail
christmas easter ramadan
god islam christianity judaism aids olympic olympics oscar oscars time liberal conservative
socialist communist democratic republican
""".split())

# Given names come from the 1990 US Census lists shipped by the `names` package (see
# transforms.gazetteer.first_names). The census lists are American; this SHORT list adds the
# most common given names of other major world regions (Arab world, Iran and Turkey, Russia
# and eastern Europe, German-, French-, Spanish/Portuguese- and Italian-speaking countries,
# Scandinavia and the Netherlands, Britain and Ireland, South Asia, East Asia, Africa),
# written from general knowledge, about the first dozen per region in their usual English
# spellings and not taken from any annotated story. Chinese and Korean family names (written
# first) are included because they play the same role in a two-word name ("Hu Jintao").
WORLD_GIVEN_NAMES = frozenset("""
mohammed mohammad mohamed muhammad mohamad ahmed ahmad ali hassan hussein hossein omar umar
abdul abdullah abdel abu khalid mahmoud mustafa ibrahim youssef yusuf saeed hamid
walid nabil karim tariq faisal salman fahd rashid khaled jamal yasser bashar hosni
recep mehmet ahmet akbar reza
vladimir sergei sergey dmitri dmitry mikhail nikolai alexei alexey andrei andrey igor yuri
oleg viktor anatoly gennady leonid vitaly yevgeny evgeny valentina olga natalia natalya
svetlana tatiana tatyana irina yulia yelena lyudmila lech jaroslaw tomasz wojciech vaclav
hans jurgen klaus wolfgang helmut gerhard dieter uwe joachim heinz horst gunter franz
ursula angela heike
jean jean-pierre jean-claude jean-marie jean-luc pierre jacques philippe francois michel
laurent olivier thierry didier christophe dominique segolene nicolas
jose juan luis luiz carlos joao jorge fernando pablo javier rafael miguel manuel
francisco antonio alejandro sergio diego
giuseppe giovanni mario luigi francesco angelo vincenzo pietro salvatore carlo silvio
massimo romano paolo
lars anders sven nils erik bjorn jan pieter willem henrik
gareth clive geoff nigel alastair alistair iain hamish angus rhys dafydd liam aidan connor
declan seamus eamon eamonn ciaran niamh siobhan
manmohan rahul sonia amit raj rajesh sanjay sunil anil vijay narendra atal
pervez nawaz benazir imran asif
hu wang li zhang liu chen wen xi zhou yang kim lee park
junichiro shinzo taro hiroshi takeshi kenji akira yuki naoto yoshihiko
kofi thabo olusegun kwame jomo nelson desmond
ariel ehud shimon yitzhak moshe avraham binyamin
""".split())

# Capitalised English words that the census lists also hold as given names ("Will", "May",
# "Hope"): not evidence of a person.
NAME_WORDS_NOT_NAMES = frozenset("""
will may june april august january september hope faith joy grace chance major page
rich young long royal sterling angel precious golden
christian king queen prince princess duke earl baron judge justice general major
""".split())

# Demonyms that do not share their country's or region's spelling ("French", "Dutch").
IRREGULAR_DEMONYMS = frozenset("""
french dutch swiss welsh irish scottish scots greek danish swedish finnish polish turkish
spanish english thai arab arabic filipino flemish walloon basque catalan kurdish kurds
jewish muslim islamic christian catholic protestant sunni shia shiite shi'ite hindu sikh
buddhist western eastern northern southern asian african european american latino
hispanic cuban peruvian british briton britons yankee kiwi aussie gulf nordic baltic
slavic cypriot maltese icelandic norwegian portuguese argentine argentinian saudi
pakistani afghan tajik uzbek kazakh kyrgyz turkmen azeri georgian armenian belarusian
ukrainian serb serbian croat croatian bosnian slovak slovakian slovenian czech hungarian
romanian bulgarian albanian macedonian montenegrin moldovan lithuanian latvian estonian
israeli palestinian lebanese syrian iraqi iranian jordanian egyptian libyan tunisian
algerian moroccan sudanese somali ethiopian eritrean kenyan ugandan rwandan congolese
nigerian ghanaian zimbabwean zambian angolan namibian malawian mozambican tanzanian
chinese japanese korean vietnamese cambodian burmese malaysian indonesian singaporean
mexican brazilian chilean colombian venezuelan bolivian canadian australian indian
""".split())

# Abbreviations of US states written after a city ("Berkeley, Calif.").
US_STATE_ABBREVIATIONS = {
    "Calif.": "California", "Mich.": "Michigan", "Mass.": "Massachusetts", "Fla.": "Florida",
    "Wash.": "Washington", "Tex.": "Texas", "Penn.": "Pennsylvania", "Conn.": "Connecticut",
    "Ariz.": "Arizona", "Colo.": "Colorado", "Ill.": "Illinois", "Minn.": "Minnesota",
    "Tenn.": "Tennessee", "Okla.": "Oklahoma", "Neb.": "Nebraska", "Nev.": "Nevada",
    "Wis.": "Wisconsin", "Ala.": "Alabama", "Ark.": "Arkansas", "Ky.": "Kentucky",
    "Md.": "Maryland", "Va.": "Virginia", "Ga.": "Georgia",
}

# Lower-case nouns that, just before a capitalised name, show it is the title of a work or
# the name of a product, not an entity ("the film Unforgiven", "the drug Tagamet").
WORK_CUE_WORDS = frozenset({
    "film", "films", "movie", "movies", "album", "albums", "song", "songs", "single",
    "singles", "track", "tracks", "book", "books", "novel", "novels", "musical",
    "game", "games", "videogame", "videogames", "drug", "drugs", "sitcom", "documentary",
    "compilation", "poem", "painting", "opera", "ballet", "software", "browser", "console",
    "entitled", "titled", "episode", "sequel", "prequel", "blockbuster", "blockbusters",
})

# Lower-case nouns that, right after a capitalised word, show it names a product or a
# technology used attributively ("a Linux version", "the X network", "Y technology").
PRODUCT_NOUNS = frozenset({
    "version", "versions", "technology", "technologies", "software", "program", "programs",
    "browser", "browsers", "console", "consoles", "controls", "computers", "computer",
    "platform", "system", "systems", "format", "formats", "drug",
    "drugs", "tablets", "handset", "handsets", "phone", "phones", "player", "players",
    "compatible", "users", "user", "file", "files", "client", "clients", "protocol",
    "standard", "code", "engine", "toolbar", "plug-in", "plugin", "project", "upgrade",
    "upgrades", "update", "updates", "law", "laws", "titles", "franchise", "soundtrack",
})

# Verbs and prepositions of sport that make a city before or after them a club
# ("they play Chelsea", "beating Partizan"): the city is then the team, an ORG.
CLUB_CUE_WORDS = frozenset({
    "play", "plays", "played", "playing", "beat", "beats", "beating", "face", "faces",
    "facing", "faced", "against", "host", "hosts", "hosting", "hosted", "v", "vs", "vs.",
    "versus", "draw", "drew", "thrashed", "defeated", "defeat", "overcame", "edged",
})
