// Word lists for the synthetic news corpus. Names mix many languages (with and without diacritics) so
// folding, aliasing and fuzzy matching are exercised at scale; the common words every article repeats
// (war, government, people, said, year) are what make bare-word searches expensive.

export interface OutletSpec {
  name: string;
  domain: string;
  /** Prints names without diacritics (Vaitkevicius for Vaitkevičius), as many English-language wires do. */
  ascii: boolean;
  /** Prefers "said X" over "X said" after a quote. */
  inverted: boolean;
  /** Relative share of events this outlet covers. */
  weight: number;
}

export const OUTLETS: OutletSpec[] = [
  { name: 'Global Wire', domain: 'globalwire.example', ascii: true, inverted: false, weight: 9 },
  { name: 'Baltic Herald', domain: 'balticherald.example', ascii: false, inverted: false, weight: 5 },
  { name: 'Danube Post', domain: 'danubepost.example', ascii: false, inverted: true, weight: 4 },
  { name: 'Northern Ledger', domain: 'northernledger.example', ascii: true, inverted: false, weight: 4 },
  { name: 'Capital Times', domain: 'capitaltimes.example', ascii: true, inverted: true, weight: 6 },
  { name: 'Evening Courier', domain: 'eveningcourier.example', ascii: true, inverted: false, weight: 3 },
  { name: 'Kyiv Daily', domain: 'kyivdaily.example', ascii: false, inverted: false, weight: 5 },
  { name: 'Le Quotidien Libre', domain: 'quotidienlibre.example', ascii: false, inverted: true, weight: 3 },
  { name: 'Der Morgenbote', domain: 'morgenbote.example', ascii: false, inverted: false, weight: 3 },
  { name: 'Nordic Pulse', domain: 'nordicpulse.example', ascii: false, inverted: false, weight: 2 },
  { name: 'Atlas News', domain: 'atlasnews.example', ascii: true, inverted: false, weight: 7 },
  { name: 'The Meridian', domain: 'meridian.example', ascii: true, inverted: true, weight: 4 },
  { name: 'Coastline Radio', domain: 'coastlineradio.example', ascii: true, inverted: false, weight: 2 },
  { name: 'Metro 24', domain: 'metro24.example', ascii: true, inverted: false, weight: 3 },
  { name: 'EuroBrief', domain: 'eurobrief.example', ascii: false, inverted: false, weight: 4 },
  { name: 'Pacific Dispatch', domain: 'pacificdispatch.example', ascii: true, inverted: true, weight: 3 },
  { name: 'Vistula Observer', domain: 'vistulaobserver.example', ascii: false, inverted: false, weight: 2 },
  { name: 'Alpine Gazette', domain: 'alpinegazette.example', ascii: false, inverted: true, weight: 2 },
  { name: 'Harbour Chronicle', domain: 'harbourchronicle.example', ascii: true, inverted: false, weight: 2 },
  { name: 'Prairie Voice', domain: 'prairievoice.example', ascii: true, inverted: false, weight: 1 },
  { name: 'Levant Today', domain: 'levanttoday.example', ascii: true, inverted: true, weight: 3 },
  { name: 'Iberia Noticias', domain: 'iberianoticias.example', ascii: false, inverted: true, weight: 2 },
  { name: 'Bosphorus Review', domain: 'bosphorusreview.example', ascii: false, inverted: false, weight: 2 },
  { name: 'Continental Report', domain: 'continentalreport.example', ascii: true, inverted: false, weight: 5 },
  { name: 'RTV/Free Europe', domain: 'rtvfree.example', ascii: false, inverted: false, weight: 4 },
  { name: 'Highland Times', domain: 'highlandtimes.example', ascii: true, inverted: false, weight: 1 },
  { name: 'Sunrise Morning News', domain: 'sunrisenews.example', ascii: true, inverted: true, weight: 2 },
  { name: 'The Standard Bearer', domain: 'standardbearer.example', ascii: true, inverted: false, weight: 3 },
  { name: 'Adriatic Mirror', domain: 'adriaticmirror.example', ascii: false, inverted: false, weight: 1 },
  { name: 'Carpathian Wire', domain: 'carpathianwire.example', ascii: false, inverted: true, weight: 2 },
  { name: 'Union Street Journal', domain: 'unionstreet.example', ascii: true, inverted: false, weight: 4 },
  { name: 'Lakeside Bulletin', domain: 'lakesidebulletin.example', ascii: true, inverted: false, weight: 1 },
  { name: 'Polaris TV', domain: 'polaristv.example', ascii: false, inverted: false, weight: 3 },
  { name: 'Gulf Monitor', domain: 'gulfmonitor.example', ascii: true, inverted: true, weight: 2 },
  { name: 'Hanseatic Review', domain: 'hanseatic.example', ascii: false, inverted: false, weight: 2 },
  { name: 'Riverside Tribune', domain: 'riversidetribune.example', ascii: true, inverted: false, weight: 2 },
  { name: 'Aegean Express', domain: 'aegeanexpress.example', ascii: false, inverted: true, weight: 1 },
  { name: 'winnersdigest.info', domain: 'winnersdigest.info', ascii: true, inverted: false, weight: 1 },
  { name: 'LBN', domain: 'lbn.example', ascii: true, inverted: false, weight: 5 },
  { name: 'CNW', domain: 'cnw.example', ascii: true, inverted: true, weight: 5 },
];

export interface CountrySpec {
  name: string;
  /** Adjective used in roles: "Polish Foreign Minister". */
  adjective: string;
  capital: string;
  /** Which name pools its people draw from. */
  names: NameStyle;
}

export type NameStyle = 'slavic' | 'baltic' | 'germanic' | 'nordic' | 'romance' | 'anglo' | 'turkic' | 'greek' | 'hungarian';

export const COUNTRIES: CountrySpec[] = [
  { name: 'Ukraine', adjective: 'Ukrainian', capital: 'Kyiv', names: 'slavic' },
  { name: 'Russia', adjective: 'Russian', capital: 'Moscow', names: 'slavic' },
  { name: 'Poland', adjective: 'Polish', capital: 'Warsaw', names: 'slavic' },
  { name: 'Lithuania', adjective: 'Lithuanian', capital: 'Vilnius', names: 'baltic' },
  { name: 'Latvia', adjective: 'Latvian', capital: 'Riga', names: 'baltic' },
  { name: 'Estonia', adjective: 'Estonian', capital: 'Tallinn', names: 'baltic' },
  { name: 'Germany', adjective: 'German', capital: 'Berlin', names: 'germanic' },
  { name: 'Austria', adjective: 'Austrian', capital: 'Vienna', names: 'germanic' },
  { name: 'Sweden', adjective: 'Swedish', capital: 'Stockholm', names: 'nordic' },
  { name: 'Norway', adjective: 'Norwegian', capital: 'Oslo', names: 'nordic' },
  { name: 'Finland', adjective: 'Finnish', capital: 'Helsinki', names: 'nordic' },
  { name: 'Denmark', adjective: 'Danish', capital: 'Copenhagen', names: 'nordic' },
  { name: 'France', adjective: 'French', capital: 'Paris', names: 'romance' },
  { name: 'Spain', adjective: 'Spanish', capital: 'Madrid', names: 'romance' },
  { name: 'Italy', adjective: 'Italian', capital: 'Rome', names: 'romance' },
  { name: 'Portugal', adjective: 'Portuguese', capital: 'Lisbon', names: 'romance' },
  { name: 'Romania', adjective: 'Romanian', capital: 'Bucharest', names: 'romance' },
  { name: 'Britain', adjective: 'British', capital: 'London', names: 'anglo' },
  { name: 'the United States', adjective: 'US', capital: 'Washington', names: 'anglo' },
  { name: 'Canada', adjective: 'Canadian', capital: 'Ottawa', names: 'anglo' },
  { name: 'Ireland', adjective: 'Irish', capital: 'Dublin', names: 'anglo' },
  { name: 'Turkey', adjective: 'Turkish', capital: 'Ankara', names: 'turkic' },
  { name: 'Azerbaijan', adjective: 'Azerbaijani', capital: 'Baku', names: 'turkic' },
  { name: 'Greece', adjective: 'Greek', capital: 'Athens', names: 'greek' },
  { name: 'Cyprus', adjective: 'Cypriot', capital: 'Nicosia', names: 'greek' },
  { name: 'Hungary', adjective: 'Hungarian', capital: 'Budapest', names: 'hungarian' },
  { name: 'Czechia', adjective: 'Czech', capital: 'Prague', names: 'slavic' },
  { name: 'Slovakia', adjective: 'Slovak', capital: 'Bratislava', names: 'slavic' },
  { name: 'Moldova', adjective: 'Moldovan', capital: 'Chisinau', names: 'romance' },
  { name: 'Georgia', adjective: 'Georgian', capital: 'Tbilisi', names: 'slavic' },
];

export const FIRST_NAMES: Record<NameStyle, { male: string[]; female: string[] }> = {
  slavic: {
    male: ['Volodymyr', 'Dmytro', 'Andriy', 'Oleksandr', 'Serhiy', 'Mykola', 'Yuriy', 'Taras', 'Bohdan', 'Sergei', 'Dmitry', 'Maxim', 'Pavel', 'Radosław', 'Tomasz', 'Władysław', 'Jiří', 'Petr', 'Miroslav', 'Zbigniew', 'Igor', 'Vitali', 'Arseniy'],
    female: ['Yulia', 'Olena', 'Iryna', 'Oksana', 'Natalia', 'Maria', 'Anastasia', 'Agnieszka', 'Małgorzata', 'Kateřina', 'Zuzana', 'Svitlana', 'Liudmyla', 'Tetiana', 'Ewa', 'Dorota'],
  },
  baltic: {
    male: ['Gabrielius', 'Vytautas', 'Gitanas', 'Kęstutis', 'Arvydas', 'Edgars', 'Krišjānis', 'Artis', 'Mart', 'Margus', 'Urmas', 'Jüri', 'Rihards', 'Dainius'],
    female: ['Ingrida', 'Dalia', 'Viktorija', 'Evika', 'Kaja', 'Kersti', 'Laura', 'Ināra', 'Agnė', 'Rūta', 'Liina', 'Signe'],
  },
  germanic: {
    male: ['Friedrich', 'Olaf', 'Markus', 'Lars', 'Jürgen', 'Wolfgang', 'Karl', 'Boris', 'Christian', 'Johann', 'Matthias', 'Sebastian', 'Günther', 'Alexander'],
    female: ['Annalena', 'Ursula', 'Angela', 'Katharina', 'Nancy', 'Svenja', 'Julia', 'Christine', 'Karin', 'Franziska', 'Bärbel', 'Sabine'],
  },
  nordic: {
    male: ['Ulf', 'Jonas', 'Alexander', 'Petteri', 'Antti', 'Lars', 'Henrik', 'Espen', 'Magnus', 'Björn', 'Pål', 'Jens', 'Søren', 'Tobias'],
    female: ['Magdalena', 'Sanna', 'Elina', 'Riikka', 'Ingvild', 'Ebba', 'Sofie', 'Pia', 'Anniken', 'Märta', 'Helle', 'Kristiina'],
  },
  romance: {
    male: ['Emmanuel', 'Jean-Noël', 'Pedro', 'José', 'Antonio', 'Giorgio', 'Sergio', 'Matteo', 'Luís', 'António', 'Raúl', 'Marcel', 'Ion', 'Nicolae', 'François', 'Gonzalo'],
    female: ['Catherine', 'Élisabeth', 'Margarita', 'Teresa', 'Elly', 'Marta', 'Ana', 'Isabel', 'Maia', 'Roberta', 'Ségolène', 'Inês', 'Ramona', 'Lucía'],
  },
  anglo: {
    male: ['Keir', 'David', 'John', 'Marco', 'Steve', 'Jared', 'Mike', 'Lloyd', 'Justin', 'Michael', 'Richard', 'Patrick', 'Simon', 'Tom', 'James'],
    female: ['Rachel', 'Yvette', 'Kamala', 'Karoline', 'Chrystia', 'Mary', 'Helen', 'Emily', 'Sarah', 'Nikki', 'Kristi', 'Bridget', 'Sinéad'],
  },
  turkic: {
    male: ['Recep', 'Hakan', 'Mevlüt', 'Ilham', 'Ceyhun', 'Ömer', 'Kemal', 'Mehmet', 'Yaşar', 'Jeyhun', 'Emre'],
    female: ['Ayşe', 'Mehriban', 'Zeynep', 'Leyla', 'Elif', 'Gülşen', 'Nigar', 'Selin'],
  },
  greek: {
    male: ['Kyriakos', 'Giorgos', 'Nikos', 'Alexis', 'Dimitris', 'Yannis', 'Konstantinos', 'Pavlos', 'Stavros', 'Christos'],
    female: ['Katerina', 'Dora', 'Eleni', 'Anna', 'Sofia', 'Fofi', 'Maria', 'Theodora'],
  },
  hungarian: {
    male: ['Viktor', 'Péter', 'Gergely', 'Zoltán', 'László', 'Tamás', 'Balázs', 'Gábor', 'István'],
    female: ['Katalin', 'Judit', 'Anikó', 'Eszter', 'Zsuzsanna', 'Ágnes', 'Réka'],
  },
};

/**
 * Surnames are built from a stem and a style ending, so 5,000 people get mostly distinct surnames
 * (as in real news, a few collide, which is what makes a bare surname ambiguous).
 */
export const SURNAME_STEMS: Record<NameStyle, string[]> = {
  slavic: ['Zelen', 'Sybih', 'Kuleb', 'Shmyh', 'Yerm', 'Lytv', 'Umer', 'Podol', 'Klitsch', 'Budan', 'Zaluzh', 'Syrsk', 'Peskov', 'Lavr', 'Ushak', 'Medved', 'Shoig', 'Nebenz', 'Zakhar', 'Sikor', 'Kosin', 'Nawr', 'Frolov', 'Gorb', 'Hrytsen', 'Ivash', 'Kravch', 'Lysenk', 'Moroz', 'Naumen', 'Ostapch', 'Prokop', 'Rudenk', 'Savch', 'Tkach', 'Vasylen', 'Yarem', 'Zhuk', 'Bondar', 'Fial', 'Lipavs', 'Blanar', 'Kobakh', 'Darchiash', 'Dvořák', 'Nowak', 'Wiśniew', 'Kowal', 'Wójc', 'Kamiń', 'Lewand', 'Zieliń', 'Szymań', 'Woźni', 'Dąbrow', 'Novot', 'Svobod', 'Černý', 'Procház', 'Kuchar', 'Horák', 'Němec', 'Marek', 'Pospíš', 'Hájek', 'Jelín', 'Král', 'Růžič', 'Beneš', 'Šimk', 'Polák', 'Kolář', 'Bartoš', 'Vlček', 'Hrub', 'Sokol', 'Kozak', 'Melnyk', 'Shevch', 'Boyk', 'Kovalen', 'Oliyn', 'Polishch', 'Tkachuk', 'Marchen', 'Levch', 'Pavlen', 'Petren', 'Romanen', 'Sydor', 'Karpen'],
  baltic: ['Vaitkev', 'Landsberg', 'Nause', 'Simonyt', 'Budrys', 'Karin', 'Rinkev', 'Sprud', 'Michal', 'Tsahkn', 'Kall', 'Andrus', 'Balod', 'Celm', 'Dreim', 'Egl', 'Kazlausk', 'Jankausk', 'Petrausk', 'Stankev', 'Vasiliausk', 'Žukausk', 'Butkev', 'Paulausk', 'Urbon', 'Kavaliausk', 'Bērziņ', 'Kalniņ', 'Ozol', 'Jansons', 'Liepiņ', 'Krūmiņ', 'Vītol', 'Zariņ', 'Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Lepik', 'Luik', 'Kivi', 'Karu', 'Ots', 'Põld', 'Raud', 'Vaher'],
  germanic: ['Merz', 'Scholz', 'Pistor', 'Wadeph', 'Baerb', 'Steinm', 'Habeck', 'Lindner', 'Klingb', 'Dobrind', 'Faeser', 'Hoffm', 'Schrod', 'Neum', 'Schwarz', 'Zimmerm', 'Braun', 'Krüg', 'Hartm', 'Lang', 'Werner', 'Krause', 'Köhl', 'Müll', 'Schmid', 'Schneid', 'Fisch', 'Web', 'Meyer', 'Wagn', 'Beck', 'Schulz', 'Bauer', 'Koch', 'Richt', 'Klein', 'Wolf', 'Schröd', 'Schäf', 'Jung', 'Hahn', 'Vogel', 'Friedr', 'Keller', 'Günth', 'Frank', 'Berg', 'Winkl', 'Lorenz', 'Baum', 'Heinr', 'Kraus', 'Böhm', 'Huber', 'Gruber', 'Pichl', 'Mosh', 'Steiner', 'Eder', 'Leitn', 'Brunn'],
  nordic: ['Kristers', 'Storh', 'Orp', 'Stubb', 'Hakkan', 'Marin', 'Freder', 'Rasmuss', 'Poulsen', 'Billstr', 'Gahrst', 'Lindq', 'Mortens', 'Nyber', 'Ostr', 'Pettersh', 'Quist', 'Ravn', 'Sundb', 'Tofte', 'Ulvaeu', 'Vester', 'Johans', 'Andersen', 'Karls', 'Nilss', 'Eriks', 'Lars', 'Olss', 'Pers', 'Svens', 'Gustafs', 'Jakobs', 'Hans', 'Hald', 'Virt', 'Korhon', 'Mäkin', 'Nieminen', 'Heikk', 'Koskin', 'Järvin', 'Lehtin', 'Laakson', 'Salmin', 'Halvors', 'Haugl', 'Solb', 'Brekk', 'Dahl', 'Moe', 'Ström', 'Holm', 'Løkk', 'Sæther', 'Bjørn', 'Åberg'],
  romance: ['Macr', 'Barrot', 'Lecorn', 'Bayr', 'Sanch', 'Albar', 'Melon', 'Tajan', 'Crosett', 'Rebel', 'Costa', 'Ciolac', 'Marchet', 'Bianch', 'Caruso', 'Ferrar', 'Gallo', 'Lombard', 'Moret', 'Ricc', 'Santor', 'Vital', 'Almeid', 'Barbos', 'Carvalh', 'Duart', 'Ferreir', 'Gonçalv', 'Lop', 'Mendes', 'Nunes', 'Pint', 'Rodrigu', 'Soar', 'Dubois', 'Lefebvr', 'Morea', 'Laurent', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousse', 'Chevali', 'Popesc', 'Ionesc', 'Stan', 'Dumitr', 'Georgesc', 'Constantin', 'Martín', 'García', 'Fernánd', 'Gonzál', 'Pérez', 'Gómez', 'Jimén', 'Muñoz', 'Álvar', 'Romer', 'Navarr', 'Rossi', 'Russo', 'Espósit', 'Conti', 'De Luca', 'Mancin', 'Giordan', 'Rinald'],
  anglo: ['Starm', 'Lamm', 'Healey', 'Reev', 'Rubi', 'Witkof', 'Kushn', 'Vanc', 'Hegseth', 'Leavitt', 'Carn', 'Joly', 'Abrams', 'Bellam', 'Cartw', 'Dunmor', 'Eastw', 'Fairb', 'Gallag', 'Harlan', 'Ingram', 'Jessop', 'Kendr', 'Smith', 'Johns', 'Willi', 'Brown', 'Jones', 'Mill', 'Davi', 'Wils', 'Taylor', 'Clark', 'Walk', 'Wright', 'Thomps', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Martin', 'Jackson', "O'Brien", "O'Connor", 'McCarthy', 'Murphy', 'Kelly', 'Walsh', 'Byrne', 'Ryan', 'Doyle', 'Lynch', 'Fitzger', 'MacDon', 'Campb', 'Stewart', 'Robert'],
  turkic: ['Erdog', 'Fidan', 'Aliy', 'Bayram', 'Aydın', 'Çelik', 'Demir', 'Doğan', 'Kaya', 'Koç', 'Öztürk', 'Şahin', 'Yıldız', 'Yılmaz', 'Arslan', 'Kılıç', 'Kurt', 'Özdem', 'Aslan', 'Çetin', 'Kara', 'Koca', 'Polat', 'Güneş', 'Mammad', 'Hasan', 'Huseyn', 'Guliy', 'Ismayil', 'Abbas', 'Rzay', 'Karim'],
  greek: ['Mitsot', 'Gerapetr', 'Christodoul', 'Papad', 'Konstant', 'Nikol', 'Georgiou', 'Vlach', 'Kar', 'Alexandr', 'Mavr', 'Oikonom', 'Spyr', 'Makr', 'Dimitr', 'Ioann', 'Vasil', 'Athanas', 'Pappas', 'Anagnost', 'Kyriak', 'Stavr', 'Theodor', 'Michail', 'Antoniou', 'Panag', 'Christ', 'Hatzi'],
  hungarian: ['Orb', 'Szijjart', 'Magyar', 'Kovács', 'Szab', 'Horváth', 'Tóth', 'Varg', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balog', 'Papp', 'Takács', 'Juhász', 'Lakat', 'Mészár', 'Oláh', 'Simon', 'Rác', 'Fekete', 'Szilág', 'Török', 'Fehér', 'Balázs', 'Gál', 'Kis', 'Szűcs', 'Kocsis', 'Orsós', 'Pint', 'Fodor'],
};

export const SURNAME_ENDINGS: Record<NameStyle, string[]> = {
  slavic: ['enko', 'chuk', 'ovych', 'skyy', 'ov', 'ova', 'ski', 'ska', 'czyk', 'ák', 'ová', 'yshyn', 'ets', 'iak', ''],
  baltic: ['ičius', 'ienė', 'aitė', 'iņš', 'ovs', 'as', 'is', 'us', 'ste', 'mäe', 'saar', 'ts', ''],
  germanic: ['mann', 'er', 'inger', 'hoff', 'berg', 'ke', 'stein', 'ner', 'rich', 'l', ''],
  nordic: ['sson', 'sen', 'dóttir', 'qvist', 'berg', 'lund', 'nen', 'inen', 'strøm', 'ström', ''],
  romance: ['ez', 'ini', 'etti', 'eau', 'escu', 'eanu', 'ello', 'ard', 'ier', 'ão', 'os', ''],
  anglo: ['son', 'ton', 'ley', 'ford', 'wood', 'er', 'well', 'ham', 's', 'ing', ''],
  turkic: ['oğlu', 'ov', 'li', 'lı', 'can', 'er', 'ay', 'ev', ''],
  greek: ['opoulos', 'akis', 'idis', 'ou', 'as', 'is', 'atos', ''],
  hungarian: ['i', 'y', 'fi', 'ás', 'ó', 'né', ''],
};

/**
 * Transliteration variants the same outlet prints consistently and other outlets print otherwise:
 * Zelenskyy / Zelenskiy / Zelensky, Hrytsenko / Gritsenko style endings.
 */
export const SPELLING_VARIANTS: [RegExp, string[]][] = [
  [/skyy$/, ['skiy', 'sky']],
  [/ovych$/, ['ovich', 'ovytch']],
  [/enko$/, ['enco']],
  [/chuk$/, ['tchuk']],
  [/yshyn$/, ['ishin']],
  [/ov$/, ['off']],
  [/ova$/, ['yova']],
  [/akis$/, ['akes']],
  [/oğlu$/, ['oglou']],
];

export interface RoleSpec {
  /** Title-case role used before the name: "Foreign Minister" in "Polish Foreign Minister Radosław Sikorski". */
  title: string;
  /** Apposition after the name: "the country's foreign minister". */
  apposition: string;
  /** Short reference in follow-ups: "the minister said". */
  short: string;
  /** Whether the role takes the country adjective ("Polish Foreign Minister"). */
  national: boolean;
}

export const NATIONAL_ROLES: RoleSpec[] = [
  { title: 'President', apposition: "the country's president", short: 'the president', national: true },
  { title: 'Prime Minister', apposition: "the country's prime minister", short: 'the prime minister', national: true },
  { title: 'Foreign Minister', apposition: "the country's foreign minister", short: 'the foreign minister', national: true },
  { title: 'Finance Minister', apposition: "the country's finance minister", short: 'the finance minister', national: true },
  { title: 'Defence Minister', apposition: "the country's defence minister", short: 'the defence minister', national: true },
  { title: 'Energy Minister', apposition: "the country's energy minister", short: 'the energy minister', national: true },
  { title: 'Interior Minister', apposition: "the country's interior minister", short: 'the interior minister', national: true },
  { title: 'Health Minister', apposition: "the country's health minister", short: 'the health minister', national: true },
  { title: 'Opposition Leader', apposition: 'the leader of the opposition', short: 'the opposition leader', national: true },
  { title: 'Central Bank Governor', apposition: "the head of the country's central bank", short: 'the governor', national: true },
  { title: 'Army Chief', apposition: "the commander of the country's armed forces", short: 'the general', national: true },
  { title: 'Parliament Speaker', apposition: 'the speaker of parliament', short: 'the speaker', national: true },
  { title: 'Trade Minister', apposition: "the country's trade minister", short: 'the trade minister', national: true },
  { title: 'Presidential Adviser', apposition: "an adviser to the country's president", short: 'the adviser', national: true },
  { title: 'Government Spokesperson', apposition: 'a government spokesperson', short: 'the spokesperson', national: true },
];

/** Roles held by one person each, outside any country. */
export const INTERNATIONAL_ROLES: RoleSpec[] = [
  { title: 'EU foreign affairs chief', apposition: "the EU's top diplomat", short: 'the EU foreign policy chief', national: false },
  { title: 'NATO Secretary General', apposition: 'the head of the alliance', short: 'the secretary general', national: false },
  { title: 'UN Secretary-General', apposition: 'the head of the United Nations', short: 'the UN chief', national: false },
  { title: 'European Commission President', apposition: 'the head of the EU executive', short: 'the commission president', national: false },
  { title: 'IMF Managing Director', apposition: 'the head of the International Monetary Fund', short: 'the IMF chief', national: false },
  { title: 'IAEA Director General', apposition: "the head of the UN's nuclear watchdog", short: 'the watchdog chief', national: false },
  { title: 'European Council President', apposition: "the chair of the EU's summits", short: 'the council president', national: false },
  { title: 'US special envoy', apposition: "the White House's special envoy", short: 'the envoy', national: false },
  { title: 'OSCE Secretary General', apposition: 'the head of the OSCE', short: 'the OSCE chief', national: false },
  { title: 'WHO Director-General', apposition: 'the head of the World Health Organization', short: 'the WHO chief', national: false },
];

/** Descriptions for people with no office: analysts, residents, soldiers. Not roles a question would name. */
export const PLAIN_DESCRIPTIONS: string[] = [
  'an analyst at the Institute for Security Studies', 'a resident of the city', 'a soldier on the front line',
  'an economist at a Frankfurt bank', 'a local councillor', 'a volunteer at a shelter', 'a researcher at the university',
  'a farmer near the border', 'a teacher', 'a nurse at the regional hospital', 'a union leader', 'a retired diplomat',
];

export const ORGANISATIONS: { name: string; subject: string }[] = [
  { name: 'the Kremlin', subject: 'The Kremlin' },
  { name: 'the White House', subject: 'The White House' },
  { name: 'the Pentagon', subject: 'The Pentagon' },
  { name: 'the European Commission', subject: 'The European Commission' },
  { name: 'NATO', subject: 'NATO' },
  { name: 'the UN refugee agency', subject: 'The UN refugee agency' },
  { name: 'the State Department', subject: 'The State Department' },
  { name: 'the IMF', subject: 'The IMF' },
  { name: 'Gazprom', subject: 'Gazprom' },
  { name: 'the Red Cross', subject: 'The Red Cross' },
  { name: 'the Bundesbank', subject: 'The Bundesbank' },
  { name: 'the World Bank', subject: 'The World Bank' },
];

export interface TopicSpec {
  key: string;
  /** Nouns used as the topic of statements. */
  nouns: string[];
  /** What an event about this topic is. */
  events: string[];
  /** Verbs a speaker wants done about it (base form). */
  actions: string[];
}

// "war", "government", "people" and "year" recur on purpose in every topic: they are the common words.
export const TOPICS: TopicSpec[] = [
  {
    key: 'war',
    nouns: ['the war', 'the front line', 'the ceasefire', 'the peace talks', 'air defence', 'the offensive', 'security guarantees', 'the drone attacks', 'the prisoner exchange', 'the occupied territories'],
    events: ['peace talks', 'a summit on the war', 'a ceasefire proposal', 'a new offensive', 'a drone strike'],
    actions: ['end', 'stop', 'support', 'strengthen', 'reject', 'guarantee', 'negotiate', 'extend'],
  },
  {
    key: 'economy',
    nouns: ['the budget', 'inflation', 'the deficit', 'interest rates', 'tax reform', 'public spending', 'wages', 'the pension system', 'growth', 'the labour market'],
    events: ['a budget vote', 'an inflation report', 'a tax reform plan', 'a rate decision', 'a spending review'],
    actions: ['cut', 'raise', 'protect', 'reform', 'freeze', 'review', 'balance', 'stabilise'],
  },
  {
    key: 'energy',
    nouns: ['gas prices', 'the pipeline', 'the power grid', 'nuclear power', 'oil exports', 'energy security', 'the price cap', 'winter supplies', 'renewables', 'the sanctions on oil'],
    events: ['an energy summit', 'a gas deal', 'a power outage', 'a new price cap', 'a pipeline dispute'],
    actions: ['secure', 'diversify', 'cap', 'restore', 'expand', 'phase out', 'protect', 'invest in'],
  },
  {
    key: 'elections',
    nouns: ['the election', 'the vote', 'the campaign', 'the coalition', 'the referendum', 'voter turnout', 'the opposition', 'electoral reform', 'the ballot', 'the polls'],
    events: ['a snap election', 'a coalition deal', 'a referendum', 'a televised debate', 'a no-confidence vote'],
    actions: ['win', 'respect', 'challenge', 'postpone', 'hold', 'monitor', 'protect', 'form'],
  },
  {
    key: 'migration',
    nouns: ['migration', 'the border', 'asylum rules', 'refugees', 'the reception centres', 'the return policy', 'border controls', 'the migration pact', 'work permits', 'integration'],
    events: ['a migration summit', 'a border dispute', 'new asylum rules', 'a rescue at sea', 'a refugee influx'],
    actions: ['tighten', 'manage', 'protect', 'reform', 'close', 'fund', 'share', 'enforce'],
  },
  {
    key: 'health',
    nouns: ['the health service', 'hospital waiting lists', 'vaccination', 'the outbreak', 'drug prices', 'mental health', 'care homes', 'doctors\' pay', 'the pandemic plan', 'public health'],
    events: ['an outbreak', 'a doctors\' strike', 'a health reform', 'a vaccine rollout', 'a hospital crisis'],
    actions: ['fund', 'reform', 'protect', 'expand', 'contain', 'improve', 'review', 'support'],
  },
  {
    key: 'climate',
    nouns: ['climate policy', 'emissions', 'the floods', 'the heatwave', 'the carbon tax', 'the green transition', 'the wildfires', 'climate finance', 'the drought', 'coal plants'],
    events: ['a climate summit', 'severe floods', 'a heatwave', 'an emissions deal', 'wildfires'],
    actions: ['cut', 'tackle', 'finance', 'phase out', 'adapt to', 'prevent', 'meet', 'accelerate'],
  },
  {
    key: 'trade',
    nouns: ['tariffs', 'the trade deal', 'exports', 'the single market', 'supply chains', 'the customs union', 'farm imports', 'the steel industry', 'trade barriers', 'investment'],
    events: ['a trade dispute', 'new tariffs', 'a trade agreement', 'an export ban', 'a farmers\' protest'],
    actions: ['lift', 'impose', 'negotiate', 'protect', 'expand', 'review', 'suspend', 'defend'],
  },
];

export const QUALIFIERS: string[] = [
  'a lot of progress', 'a dangerous escalation', 'completely unacceptable', 'a historic step', 'a serious mistake',
  'a step in the right direction', 'deeply worrying', 'a turning point', 'a betrayal of voters', 'long overdue',
  'a victory for common sense', 'a red line', 'not enough', 'an insult to our people', 'a real breakthrough',
  'a matter of survival', 'pure propaganda', 'a fair compromise', 'premature', 'a wake-up call', 'reckless',
  'a test of our unity', 'good news for families', 'a blow to the economy', 'very constructive', 'a missed opportunity',
];

export const SCARE_QUOTES: string[] = [
  'shadow fleet', 'coalition of the willing', 'special military operation', 'red lines', 'Plan B', 'peace dividend',
  'energy weapon', 'fortress Europe', 'frozen conflict', 'grand bargain', 'reset', 'buffer zone', 'war economy',
];

export const PLAN_TITLES: string[] = [
  '20-point plan', 'Recovery Compact', 'Operation Spring Shield', 'Clean Grid Initiative', 'Border Resilience Act',
  'Fair Wages Pact', 'Northern Corridor', 'Solidarity Fund', 'Green Deal Industrial Plan', 'Eastern Flank Review',
];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const PLACES_SAID = [
  'in a statement', 'at a news conference', 'in a post on X', 'in an interview with local television', 'after the meeting',
  'in a video address', 'on the sidelines of the summit', 'in a radio interview', 'at a press briefing', 'in parliament',
];
