# ruff: noqa: E501  # the invented texts are data, kept one sentence run per line
"""Writes bench/data/oddprobe.jsonl and oddprobe-gold.jsonl: invented texts on partners with odd name shapes.

Every text here was written for this probe (not taken from the corpus): partners whose names hold a
ruler's Roman numeral, abbreviation-only names, one-word school networks, city administrations,
associations and networks, parliamentary bodies, foundations named after a person, bilateral
cooperation centres, transliterated Russian company names; and look-alike non-partners (network
members, ranking neighbours, historical rulers). Run: .venv/bin/python bench/data/make_oddprobe.py
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent

P = tuple[str, list[str], str, str]  # name, aliases, country, kind

TEXTS: list[tuple[str, str, str, str, list[P]]] = [
    # --- Roman numerals inside a university's name
    (
        "o01",
        "en",
        "Moroccan university delegation at SPbPU",
        "A delegation of Mohammed V University in Rabat visited SPbPU on Tuesday. The rectors discussed a "
        "joint master's programme in renewable energy and exchanges of doctoral students. Next spring "
        "three SPbPU professors will teach a short course in Rabat.",
        [("Mohammed V University in Rabat", ["Mohammed V University"], "MA", "university")],
    ),
    (
        "o02",
        "en",
        "Polytechnic students to study in Casablanca",
        "SPbPU and Hassan II University of Casablanca will exchange students in civil engineering from "
        "the autumn semester. The first group of ten students has already been selected by the Higher "
        "School of Industrial and Civil Engineering.",
        [("Hassan II University of Casablanca", [], "MA", "university")],
    ),
    (
        "o03",
        "ru",
        "Политех и парижский университет проведут летнюю школу",
        "Санкт-Петербургский политехнический университет Петра Великого и Университет Париж II "
        "Пантеон-Ассас проведут совместную летнюю школу по праву цифровых технологий. Занятия пройдут "
        "в июле в Париже, преподавать будут юристы обоих вузов.",
        [
            (
                "Университет Париж II Пантеон-Ассас",
                ["Université Paris II Panthéon-Assas"],
                "FR",
                "university",
            )
        ],
    ),
    (
        "o04",
        "en",
        "Phosphate research with a Moroccan partner",
        "Mohammed VI Polytechnic University and Peter the Great St. Petersburg Polytechnic University "
        "have started joint research on phosphate processing. Chemists of both universities will share "
        "laboratory equipment and co-supervise PhD students.",
        [("Mohammed VI Polytechnic University", [], "MA", "university")],
    ),
    (
        "o05",
        "ru",
        "Студенты Политеха прошли стажировку в Рабате",
        "Десять студентов Института энергетики СПбПУ прошли стажировку в Университете Мухаммеда V в "
        "Рабате. Марокканские коллеги показали им солнечные электростанции и пригласили "
        "политехников на совместный семинар осенью.",
        [("Университет Мухаммеда V", ["Mohammed V University"], "MA", "university")],
    ),
    (
        "o06",
        "en",
        "Law and economics: SPbPU and a Sorbonne university",
        "SPbPU has launched a double-degree programme in economics with the University of Paris I "
        "Panthéon-Sorbonne. Students will spend their second year in Paris and defend their theses "
        "before a joint committee.",
        [
            (
                "University of Paris I Panthéon-Sorbonne",
                ["Paris 1 Panthéon-Sorbonne University"],
                "FR",
                "university",
            )
        ],
    ),
    (
        "o07",
        "en",
        "Polish partners in Lublin",
        "The John Paul II Catholic University of Lublin hosted a delegation of SPbPU. The universities "
        "agreed to run a joint seminar on the history of engineering and to exchange lecturers next "
        "year.",
        [("John Paul II Catholic University of Lublin", [], "PL", "university")],
    ),
    (
        "o57",
        "ru",
        "Политех и Люблин: обмен преподавателями",
        "Католический университет Люблина имени Иоанна Павла II и Политехнический университет "
        "договорились об обмене преподавателями. Первые лекции польские коллеги прочтут в "
        "Санкт-Петербурге в ноябре.",
        [("Католический университет Люблина имени Иоанна Павла II", [], "PL", "university")],
    ),
    (
        "o61",
        "en",
        "Exchange with Oujda",
        "SPbPU and University Mohammed I of Oujda will exchange students in mechanical engineering. "
        "The Moroccan university will also send two lecturers to the Polytechnic in the spring.",
        [("University Mohammed I of Oujda", [], "MA", "university")],
    ),
    (
        "o62",
        "en",
        "Joint lab with a Spanish university",
        "Researchers of University Alfonso X of Toledo and SPbPU opened a joint laboratory of "
        "building materials. The laboratory will test recycled concrete for both universities.",
        [("University Alfonso X of Toledo", [], "ES", "university")],
    ),
    # --- abbreviation-only partners
    (
        "o08",
        "en",
        "SPbPU physicists get beam time in Dubna",
        "Physicists of SPbPU will run experiments at JINR next year. The Dubna institute gave the "
        "university's team beam time on its new accelerator, and SPbPU engineers will build the "
        "cooling system for a detector of JINR.",
        [("JINR", ["Joint Institute for Nuclear Research"], "RU", "research")],
    ),
    (
        "o09",
        "en",
        "Detector upgrade with DESY",
        "SPbPU engineers have joined the upgrade of a detector at DESY. The Hamburg laboratory will "
        "host two postgraduates of the Polytechnic for six months, and DESY scientists will give "
        "lectures at SPbPU in the spring.",
        [("DESY", [], "DE", "research")],
    ),
    (
        "o10",
        "ru",
        "Политех и ОИЯИ разработают систему охлаждения",
        "Специалисты Политеха вместе с ОИЯИ разработают систему охлаждения сверхпроводящих магнитов. "
        "Институт в Дубне передаст университету данные испытаний, а студенты СПбПУ пройдут там "
        "практику.",
        [("ОИЯИ", ["Объединённый институт ядерных исследований"], "RU", "research")],
    ),
    (
        "o11",
        "ru",
        "Аэродинамические испытания в ЦАГИ",
        "Модель беспилотника, созданная студентами Политеха, прошла продувку в аэродинамической трубе "
        "ЦАГИ. Институт и университет продолжат совместную работу над крылом нового профиля.",
        [("ЦАГИ", ["Центральный аэрогидродинамический институт"], "RU", "research")],
    ),
    (
        "o12",
        "en",
        "Supercomputing with KISTI",
        "The SPbPU Supercomputer Centre and KISTI will run joint simulations of turbulent flows. The "
        "Korean centre gives the Polytechnic's researchers access to its computing cluster, and "
        "KISTI staff will train SPbPU students in parallel programming.",
        [("KISTI", ["Korea Institute of Science and Technology Information"], "KR", "research")],
    ),
    (
        "o13",
        "en",
        "SPbPU and CINECA share computing time",
        "SPbPU and CINECA, the Italian computing consortium, launched a joint project on climate "
        "models. CINECA will host the simulations, and the Polytechnic will develop the software.",
        [("CINECA", [], "IT", "research")],
    ),
    (
        "o14",
        "ru",
        "Политех и ВНИИМ подготовят метрологов",
        "Политех и ВНИИМ запускают совместную магистерскую программу по метрологии. Занятия будут "
        "проходить в лабораториях института, а руководителями диссертаций станут сотрудники ВНИИМ.",
        [("ВНИИМ", ["ВНИИМ им. Д. И. Менделеева"], "RU", "research")],
    ),
    (
        "o58",
        "en",
        "Battery materials with KIT",
        "SPbPU and KIT will develop cathode materials for sodium-ion batteries. Chemists of the "
        "Polytechnic will spend three months in Karlsruhe, and KIT researchers will test the samples.",
        [("KIT", ["Karlsruhe Institute of Technology"], "DE", "university")],
    ),
    (
        "o59",
        "ru",
        "Политех и НИИЭФА создадут стенд",
        "Политех и НИИЭФА создадут испытательный стенд для элементов термоядерного реактора. "
        "Специалисты института будут руководить практикой студентов СПбПУ.",
        [("НИИЭФА", ["НИИЭФА им. Д. В. Ефремова"], "RU", "research")],
    ),
    # --- one-word school names and networks
    (
        "o15",
        "en",
        "Double degree with CentraleSupélec",
        "SPbPU and CentraleSupélec launch a double-degree programme in applied mathematics. Students "
        "of the Polytechnic will spend a year at the French school and receive two diplomas.",
        [("CentraleSupélec", [], "FR", "university")],
    ),
    (
        "o16",
        "ru",
        "Политех и INSA: обмен студентами",
        "Политехнический университет и сеть инженерных школ INSA договорились об обмене студентами. "
        "Уже осенью пятеро политехников отправятся учиться в Лион и Тулузу.",
        [("INSA", ["Groupe INSA"], "FR", "university")],
    ),
    (
        "o17",
        "en",
        "Aerospace course with ISAE-SUPAERO",
        "SPbPU and ISAE-SUPAERO start a joint course on satellite design. Lecturers from Toulouse will "
        "teach at the Polytechnic, and the best students will do internships in France.",
        [("ISAE-SUPAERO", [], "FR", "university")],
    ),
    (
        "o18",
        "en",
        "SPbPU and IMT Atlantique: joint research",
        "Researchers of SPbPU and IMT Atlantique will study underwater communication networks. The "
        "French school will host two PhD students from the Polytechnic.",
        [("IMT Atlantique", [], "FR", "university")],
    ),
    # --- city administrations
    (
        "o19",
        "en",
        "Smart traffic for Linz",
        "The city administration of Linz invited SPbPU students to develop a smart traffic system. "
        "The best projects will be tested on the city's streets next year, and the administration "
        "will fund internships for the winners.",
        [("Linz city administration", ["city administration of Linz"], "AT", "government")],
    ),
    (
        "o20",
        "ru",
        "Администрация Выборга и Политех",
        "Администрация Выборга и Политех разработают концепцию развития городской набережной. "
        "Студенты-архитекторы представят проекты городу весной.",
        [("Администрация Выборга", [], "RU", "government")],
    ),
    (
        "o21",
        "en",
        "Shenzhen government funds a joint laboratory",
        "The Shenzhen Municipal Government will fund a joint laboratory of SPbPU in the city. The "
        "laboratory will work on robotics and train engineers for local companies.",
        [("Shenzhen Municipal Government", [], "CN", "government")],
    ),
    (
        "o22",
        "ru",
        "Мэрия Харбина поддержит совместный институт",
        "Мэрия Харбина поддержит совместный институт Политеха и местного университета: город выделит "
        "здание и оплатит оборудование лабораторий.",
        [("Мэрия Харбина", [], "CN", "government")],
    ),
    (
        "o60",
        "en",
        "Smart-city projects for Pskov",
        "SPbPU students presented smart-city projects to the administration of Pskov. The city "
        "administration will test two of them next year and offered internships to their authors.",
        [("Pskov city administration", ["administration of Pskov"], "RU", "government")],
    ),
    (
        "o23",
        "ru",
        "Сосновый Бор и Политех",
        "Администрация Соснового Бора и Политехнический университет будут вместе готовить инженеров "
        "для атомной отрасли. Город оплатит обучение двадцати школьников.",
        [("Администрация Соснового Бора", [], "RU", "government")],
    ),
    # --- associations and networks
    (
        "o25",
        "en",
        "SPbPU joins CESAER",
        "SPbPU has joined CESAER, the association of leading science and technology universities in "
        "Europe. Membership gives the Polytechnic a voice in the association's working groups on "
        "research infrastructure.",
        [("CESAER", [], "BE", "other")],
    ),
    (
        "o26",
        "ru",
        "Политех вступил в ассоциацию инженерных вузов",
        "Политех вступил в ассоциацию «Инженерные университеты Евразии». Ассоциация объединяет "
        "технические вузы семи стран; университет будет вести в ней рабочую группу по "
        "энергетике.",
        [("Ассоциация «Инженерные университеты Евразии»", [], "", "other")],
    ),
    (
        "o27",
        "en",
        "SPbPU is now a full member of UArctic",
        "SPbPU became a full member of the UArctic network. The Polytechnic will take part in the "
        "network's thematic groups on permafrost engineering and Arctic logistics.",
        [("UArctic", ["University of the Arctic"], "", "other")],
    ),
    (
        "o28",
        "ru",
        "Политех в Сетевом университете СНГ",
        "Политех стал участником Сетевого университета СНГ. В сетевом университете студенты смогут "
        "учиться по совместным программам в вузах разных стран Содружества.",
        [("Сетевой университет СНГ", [], "", "other")],
    ),
    (
        "o29",
        "en",
        "SPbPU at the Baltic University Programme",
        "SPbPU researchers presented two projects at the meeting of the Baltic University Programme. "
        "The Polytechnic coordinates the network's courses on sustainable water management.",
        [("Baltic University Programme", [], "SE", "other")],
    ),
    (
        "o30",
        "ru",
        "Ассоциация ведущих университетов обсудила приём",
        "Политех в составе Ассоциации ведущих университетов подготовил предложения по приёму "
        "иностранных студентов. Ассоциация направит их в министерство.",
        [("Ассоциация ведущих университетов", [], "RU", "other")],
    ),
    (
        "o31",
        "en",
        "BRICS Network University meeting",
        "SPbPU takes part in the BRICS Network University and this year leads its thematic group on "
        "energy. The network's coordinators met at the Polytechnic in June.",
        [("BRICS Network University", [], "", "other")],
    ),
    # --- international parliamentary bodies
    (
        "o32",
        "ru",
        "Семинар Парламентской ассамблеи ОДКБ в Политехе",
        "Парламентская ассамблея ОДКБ провела в Политехе семинар для молодых учёных. Ассамблея и "
        "университет будут ежегодно проводить такие встречи.",
        [("Парламентская ассамблея ОДКБ", [], "", "government")],
    ),
    (
        "o33",
        "en",
        "PABSEC delegation at SPbPU",
        "A delegation of the Parliamentary Assembly of the Black Sea Economic Cooperation (PABSEC) "
        "visited SPbPU. The Assembly and the university will hold a youth forum at the Polytechnic "
        "next year.",
        [
            (
                "Parliamentary Assembly of the Black Sea Economic Cooperation",
                ["PABSEC"],
                "",
                "government",
            )
        ],
    ),
    (
        "o34",
        "ru",
        "Молодёжный форум Союзного государства",
        "Совместно с Парламентским собранием Союза Беларуси и России Политех проведёт молодёжный "
        "форум. Собрание поддержит участие студентов из белорусских вузов.",
        [("Парламентское собрание Союза Беларуси и России", [], "", "government")],
    ),
    (
        "o35",
        "en",
        "Youth programme of the Inter-Parliamentary Union",
        "SPbPU students will take part in the youth programme of the Inter-Parliamentary Union. The "
        "Union and the Polytechnic will run a school on digital governance in the autumn.",
        [("Inter-Parliamentary Union", [], "", "government")],
    ),
    # --- foundations named after a person
    (
        "o36",
        "ru",
        "Фонд Лихачёва и Политех проведут конкурс",
        "Международный благотворительный фонд имени Д. С. Лихачёва и Политех проведут конкурс "
        "студенческих проектов по сохранению промышленного наследия города.",
        [("Фонд имени Д. С. Лихачёва", [], "RU", "other")],
    ),
    (
        "o37",
        "en",
        "Humboldt fellowships for SPbPU researchers",
        "Two SPbPU researchers received fellowships of the Alexander von Humboldt Foundation. The "
        "foundation will fund their two-year projects at German universities.",
        [("Alexander von Humboldt Foundation", [], "DE", "other")],
    ),
    (
        "o38",
        "en",
        "Robert Bosch Stiftung supports a summer school",
        "The Robert Bosch Stiftung supports a summer school of SPbPU on urban mobility. The "
        "foundation covers travel of German students to St. Petersburg.",
        [("Robert Bosch Stiftung", [], "DE", "other")],
    ),
    (
        "o39",
        "ru",
        "Летняя школа при поддержке фонда",
        "Фонд «Дмитрий Менделеев» поддержит летнюю школу Политеха для иностранных студентов. Фонд "
        "оплатит проживание и экскурсии участников.",
        [("Фонд «Дмитрий Менделеев»", [], "RU", "other")],
    ),
    (
        "o40",
        "en",
        "Potanin grants for SPbPU teachers",
        "Five SPbPU teachers won grants of the Vladimir Potanin Foundation. The foundation will "
        "support their new master's courses.",
        [("Vladimir Potanin Foundation", [], "RU", "other")],
    ),
    (
        "o41",
        "ru",
        "Стипендии фонда Андрея Мельниченко",
        "Фонд Андрея Мельниченко и Политех запускают программу стипендий для студентов из малых "
        "городов.",
        [("Фонд Андрея Мельниченко", [], "RU", "other")],
    ),
    # --- bilateral cooperation centres
    (
        "o42",
        "ru",
        "Политех и индийские партнёры",
        "Российско-Индийский центр научно-технического сотрудничества поддержит три проекта Политеха "
        "в области новых материалов. Центр организует стажировки учёных в Индии.",
        [("Российско-Индийский центр научно-технического сотрудничества", [], "", "other")],
    ),
    (
        "o43",
        "en",
        "Technology transfer to Harbin",
        "The China-Russia Technology Transfer Centre in Harbin will help SPbPU bring two of its "
        "welding technologies to Chinese companies. The centre will find industrial partners and "
        "organise pilot production.",
        [("China-Russia Technology Transfer Centre", [], "CN", "other")],
    ),
    (
        "o44",
        "ru",
        "Центр по энергоэффективности",
        "Российско-Германский центр по энергоэффективности и Политех проведут курсы для инженеров "
        "коммунальных предприятий.",
        [("Российско-Германский центр по энергоэффективности", [], "", "other")],
    ),
    (
        "o45",
        "en",
        "French-Russian centre supports SPbPU research",
        "The French-Russian Centre for Energy Research will fund two joint projects of SPbPU and "
        "French laboratories. The centre also invites the Polytechnic's students to its summer school.",
        [("French-Russian Centre for Energy Research", [], "", "other")],
    ),
    (
        "o46",
        "ru",
        "Тропические испытания материалов",
        "Российско-Вьетнамский тропический центр испытает новые покрытия, созданные в Политехе, "
        "в условиях влажного климата.",
        [("Российско-Вьетнамский тропический центр", [], "VN", "research")],
    ),
    # --- transliterated Russian corporate names in English
    (
        "o47",
        "en",
        "Internships at Sevzapelektrosetstroy",
        "The company Sevzapelektrosetstroy will provide internships for SPbPU students of power "
        "engineering. Its engineers will also teach a course on overhead lines at the Polytechnic.",
        [("Sevzapelektrosetstroy", [], "RU", "company")],
    ),
    (
        "o48",
        "en",
        "Railway design with Lenpromtransproekt",
        "JSC Lenpromtransproekt commissioned SPbPU to model the loads on a new railway bridge. The "
        "institute's engineers will work together with the university's laboratory.",
        [("Lenpromtransproekt", ["JSC Lenpromtransproekt"], "RU", "company")],
    ),
    (
        "o49",
        "en",
        "Uralkhimmash and SPbPU develop pressure vessels",
        "Uralkhimmash and SPbPU develop a new design of pressure vessels for hydrogen storage. The "
        "plant will manufacture the prototypes.",
        [("Uralkhimmash", [], "RU", "company")],
    ),
    (
        "o50",
        "en",
        "Steel castings tested at the Polytechnic",
        "Energomashspetsstal ordered SPbPU metallurgists to study the structure of its large steel "
        "castings. The results will help the plant cut defects.",
        [("Energomashspetsstal", [], "UA", "company")],
    ),
    # --- government bodies with long names
    (
        "o51",
        "en",
        "Tajik ministry at SPbPU",
        "The Ministry of Education, Science and Youth of Tajikistan and SPbPU discussed training of "
        "engineers for the republic's energy sector. The ministry will select students for quota "
        "places.",
        [("Ministry of Education, Science and Youth of Tajikistan", [], "TJ", "government")],
    ),
    (
        "o52",
        "en",
        "City committee orders a study",
        "The Committee for Industrial Policy, Innovation and Trade of St. Petersburg ordered SPbPU to "
        "study the city's demand for engineers. The committee will use the results in its programme.",
        [("Committee for Industrial Policy, Innovation and Trade", [], "RU", "government")],
    ),
    (
        "o53",
        "ru",
        "Росмолодёжь поддержит форум",
        "Федеральное агентство по делам молодёжи поддержит форум Политеха для молодых инженеров. "
        "Агентство выделит гранты на проекты участников.",
        [("Федеральное агентство по делам молодёжи", ["Росмолодёжь"], "RU", "government")],
    ),
    (
        "o54",
        "ru",
        "Евразийская экономическая комиссия и Политех",
        "Евразийская экономическая комиссия поручила Политеху исследование рынка промышленных роботов "
        "в странах ЕАЭС. Комиссия опубликует результаты весной.",
        [("Евразийская экономическая комиссия", [], "", "government")],
    ),
    (
        "o55",
        "ru",
        "Посол Индонезии посетил Политех",
        "Посольство Индонезии в России и Политех договорились о наборе индонезийских студентов на "
        "инженерные программы университета.",
        [("Посольство Индонезии в России", [], "ID", "government")],
    ),
    (
        "o56",
        "en",
        "Malaysian embassy visits SPbPU",
        "The Embassy of Malaysia in Russia and SPbPU will organise an education fair for Malaysian "
        "school leavers. The embassy will help the Polytechnic recruit students.",
        [("Embassy of Malaysia in Russia", [], "MY", "government")],
    ),
    # --- networks whose members are listed (gold: the network only)
    (
        "m01",
        "en",
        "SPbPU hosts the CESAER working group",
        "SPbPU hosted a working group of the CESAER association, of which the Polytechnic is a member. "
        "Other members of the association include Delft University of Technology, Politecnico di "
        "Milano and the Technical University of Denmark.",
        [("CESAER", [], "BE", "other")],
    ),
    (
        "m02",
        "ru",
        "Политех в ассоциации технических вузов",
        "Политех вошёл в ассоциацию «Инженерные университеты Евразии». Членами ассоциации уже "
        "являются Томский политехнический университет, Казахский национальный технический университет "
        "и Белорусский национальный технический университет.",
        [("Ассоциация «Инженерные университеты Евразии»", [], "", "other")],
    ),
    (
        "m03",
        "en",
        "UArctic meeting at SPbPU",
        "The Polytechnic hosted the annual meeting of the UArctic network. Representatives of the "
        "University of Tromsø, the University of Oulu and Luleå University of Technology, members of "
        "the network, spoke about Arctic research.",
        [("UArctic", ["University of the Arctic"], "", "other")],
    ),
]

NEGATIVE: list[tuple[str, str, str, str]] = [
    (
        "n01",
        "en",
        "SPbPU climbs in a world ranking",
        "SPbPU climbed to the 300th place in the world ranking of engineering universities, ahead of "
        "Tomsk State University and just behind Bauman Moscow State Technical University.",
    ),
    (
        "n02",
        "ru",
        "Политех в рейтинге RAEX",
        "В рейтинге RAEX Политех занял седьмое место. Первые позиции у МГУ имени М. В. Ломоносова, "
        "МФТИ и НИЯУ МИФИ.",
    ),
    (
        "n03",
        "en",
        "Hackathon victory",
        "A team of SPbPU students won the national robotics hackathon. Teams of ITMO University and "
        "Bauman Moscow State Technical University took the second and third places.",
    ),
    (
        "n04",
        "en",
        "A history of the Polytechnic",
        "Emperor Nicholas II approved the founding of the Polytechnic Institute in 1899. The first "
        "director was Prince Andrei Gagarin, and the institute opened its doors three years later.",
    ),
    (
        "n05",
        "ru",
        "Памятник Петру I",
        "На территории кампуса обновили памятник Петру I. Скульптура была установлена к юбилею "
        "университета, носящего имя императора.",
    ),
    (
        "n06",
        "en",
        "Guest lecture by a physicist",
        "Professor Ivan Sokolov, a graduate of MIPT, gave a lecture on quantum sensors at SPbPU. "
        "Students asked about his path in science.",
    ),
    (
        "n07",
        "ru",
        "Ректор прокомментировал закон",
        "Государственная Дума приняла закон о целевом обучении. Ректор Политеха рассказал, как новые "
        "правила изменят приём абитуриентов.",
    ),
    (
        "n08",
        "en",
        "The association elects a president",
        "The Association of Engineering Universities of Eurasia elected a new president at its "
        "congress in Almaty. The association unites technical universities from seven countries.",
    ),
    (
        "n09",
        "ru",
        "Город отмечает юбилей",
        "Выборг отмечает юбилей. Студенты Политеха приехали в город на экскурсию и осмотрели замок.",
    ),
    (
        "n10",
        "en",
        "SPbPU alumnus heads DESY group",
        "An SPbPU alumnus, Dr. Pavel Orlov, now leads a research group in Hamburg. He studied at the "
        "Polytechnic in the 2000s and remembers his teachers warmly.",
    ),
    (
        "n11",
        "en",
        "Students visit Lublin",
        "SPbPU students spent their holidays in Poland. They visited Lublin, Kraków and Warsaw and "
        "saw the old town squares.",
    ),
    (
        "n12",
        "ru",
        "Стипендиаты фонда рассказали о себе",
        "Студенты Политеха рассказали о летней практике на заводах города. Многие из них планируют "
        "после выпуска остаться в промышленности.",
    ),
    (
        "n13",
        "en",
        "SPbPU in a subject ranking",
        "In a subject ranking of universities in materials science, SPbPU shares the 150th place with "
        "Hassan II University of Casablanca and Warsaw University of Technology.",
    ),
    (
        "n14",
        "ru",
        "Лучшие вузы по версии журнала",
        "Журнал опубликовал список лучших технических вузов страны: в первую десятку вошли Политех, "
        "МФТИ, МИФИ и Томский политехнический университет.",
    ),
    (
        "n15",
        "en",
        "Parliament session on education",
        "The State Duma held hearings on engineering education. Speakers included rectors of several "
        "universities; SPbPU's rector spoke about practice-oriented learning.",
    ),
]


def main() -> None:
    texts: list[str] = []
    golds: list[str] = []
    for aid, lang, title, text, partners in TEXTS:
        texts.append(
            json.dumps({"id": aid, "lang": lang, "title": title, "text": text}, ensure_ascii=False)
        )
        golds.append(
            json.dumps(
                {
                    "id": aid,
                    "partnership": True,
                    "partners": [
                        {"name": n, "aliases": a, "country": c, "kind": k}
                        for n, a, c, k in partners
                    ],
                    "agreements": [],
                },
                ensure_ascii=False,
            )
        )
    for aid, lang, title, text in NEGATIVE:
        texts.append(
            json.dumps({"id": aid, "lang": lang, "title": title, "text": text}, ensure_ascii=False)
        )
        golds.append(
            json.dumps({"id": aid, "partnership": False, "partners": [], "agreements": []})
        )
    (DATA / "oddprobe.jsonl").write_text("\n".join(texts) + "\n", encoding="utf-8")
    (DATA / "oddprobe-gold.jsonl").write_text("\n".join(golds) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
