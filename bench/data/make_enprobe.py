"""Writes enprobe.jsonl / enprobe-gold.jsonl: invented English partnership news (enrecall2).

Every text was written by hand for this probe before the extractor was run on it; none is taken
from the corpus. Re-run to regenerate the two JSONL files beside this script.
"""

# ruff: noqa: E501  # the invented texts are data: their strings are cut where the sentences are

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def P(name: str, country: str | None, kind: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "country": country, "kind": kind}


def A(kind: str, parties: list[str], title: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "parties": parties, "title": title}


# (id, title, text, partnership, partners, agreements)
ITEMS: list[tuple[str, str, str, bool, list[dict[str, Any]], list[dict[str, Any]]]] = [
    # commissioned by X
    (
        "e01",
        "SPbPU to develop digital twin for Power Machines",
        "Peter the Great St. Petersburg Polytechnic University has begun work on a digital twin of a "
        "steam turbine commissioned by Power Machines. Engineers of the Advanced Digital Technologies "
        "Centre will deliver the first version of the model by the end of the year. The project is "
        "led by professor Alexei Borovkov.",
        True,
        [P("Power Machines", "RU", "company")],
        [],
    ),
    (
        "e02",
        "Polytech tests pipeline materials for Arctic projects",
        "The laboratory of the Institute of Energy carried out a series of tests commissioned by "
        "Gazprom Neft. The results will help the company choose steels for Arctic pipelines. Next "
        "year the researchers plan to extend the tests to welded joints.",
        True,
        [P("Gazprom Neft", "RU", "company")],
        [],
    ),
    (
        "e03",
        "Report on additive manufacturing presented in Moscow",
        "Researchers of SPbPU presented a report on the state of additive manufacturing in Russia "
        "commissioned by the Ministry of Industry and Trade of the Russian Federation. The report "
        "compares domestic 3D printers with foreign ones and proposes measures to support producers.",
        True,
        [
            P(
                "Ministry of Industry and Trade of the Russian Federation",
                "RU",
                "government",
                "Minpromtorg",
            )
        ],
        [],
    ),
    (
        "e04",
        "Polytech's main building celebrates its anniversary",
        "The main building of the Polytechnic was designed by architect Ernest Virrich. The bronze "
        "plaque, commissioned by the city duma in 1902, still hangs at the entrance. Today the "
        "building houses the rector's office and the assembly hall.",
        False,
        [],
        [],
    ),
    # with the support of X
    (
        "e05",
        "International summer school on robotics held at SPbPU",
        "SPbPU hosted the International Summer School on Robotics with the support of the Russian "
        "Science Foundation and Yandex. More than 80 students from 12 countries attended lectures "
        "and worked on team projects with mobile robots.",
        True,
        [P("Russian Science Foundation", "RU", "other"), P("Yandex", "RU", "company")],
        [],
    ),
    (
        "e06",
        "New computer class for software engineers",
        "The Higher School of Software Engineering opened a new computer class with the support of "
        "Sber. Sixty workstations will be used for courses on machine learning and data analysis.",
        True,
        [P("Sber", "RU", "company", "Sberbank")],
        [],
    ),
    (
        "e07",
        "Technological internships for schoolchildren",
        "With the support of the Government of St. Petersburg, the Polytechnic University launched a "
        "programme of technological internships for schoolchildren. Pupils of the city's schools "
        "will spend two weeks in university laboratories.",
        True,
        [P("Government of St. Petersburg", "RU", "government")],
        [],
    ),
    (
        "e08",
        "Russian-Chinese youth forum at Polytech",
        "The Russian-Chinese youth forum was organised by SPbPU with the support of the Consulate "
        "General of the People's Republic of China in St. Petersburg. Students discussed careers in "
        "engineering and joint projects of young researchers.",
        True,
        [
            P(
                "Consulate General of the People's Republic of China in St. Petersburg",
                "CN",
                "government",
            )
        ],
        [],
    ),
    # together with X
    (
        "e09",
        "New hydrometallurgy lab at Polytech",
        "SPbPU, together with Nornickel, will create a laboratory of hydrometallurgy. The laboratory "
        "will develop technologies for processing nickel and copper ores with less waste.",
        True,
        [P("Nornickel", "RU", "company", "Norilsk Nickel")],
        [],
    ),
    (
        "e10",
        "Course for IT teachers launched",
        "The Institute of Computer Science and Cybersecurity, together with Kaspersky Lab, has "
        "launched an advanced training course for teachers of information security. The first "
        "group of 40 teachers will start in October.",
        True,
        [P("Kaspersky Lab", "RU", "company", "Kaspersky")],
        [],
    ),
    (
        "e11",
        "Winter school on sustainable energy",
        "Together with the University of Nottingham, the Polytechnic University will hold a joint "
        "winter school on sustainable energy. Lectures will be given by professors of both "
        "universities.",
        True,
        [P("University of Nottingham", "GB", "university")],
        [],
    ),
    (
        "e12",
        "Polytech students win hackathon",
        "A team of SPbPU students, together with their mentor, associate professor Olga Smirnova, "
        "won first place at the Digital Breakthrough hackathon. The team built a service that "
        "predicts traffic jams.",
        False,
        [],
        [],
    ),
    (
        "e13",
        "Polytech runners at the White Nights Marathon",
        "Together with thousands of other runners, Polytech staff and students took part in the "
        "White Nights Marathon. The university's team finished in the top ten.",
        False,
        [],
        [],
    ),
    # partner only in the headline
    (
        "e14",
        "SPbPU and Tsinghua University launch joint master's programme",
        "The two universities will offer a double-degree master's programme in intelligent "
        "manufacturing from September. Students will spend the first year in St. Petersburg and the "
        "second in Beijing. The Chinese university will provide laboratories and supervisors, and "
        "graduates will receive diplomas of both institutions.",
        True,
        [P("Tsinghua University", "CN", "university")],
        [],
    ),
    (
        "e15",
        "Polytech signs agreement with Bauman Moscow State Technical University",
        "The rectors of the two universities signed a cooperation agreement on joint research in "
        "mechanical engineering. The document provides for the exchange of lecturers and joint "
        "supervision of PhD students.",
        True,
        [P("Bauman Moscow State Technical University", "RU", "university", "Bauman University")],
        [
            A(
                "agreement",
                ["Bauman Moscow State Technical University"],
                "on joint research in mechanical engineering",
            )
        ],
    ),
    (
        "e16",
        "Siemens and SPbPU open training centre for automation",
        "The new centre at the Institute of Mechanical Engineering, Materials and Transport is "
        "equipped with the company's latest controllers. Students and engineers of industrial "
        "enterprises will take courses there.",
        True,
        [P("Siemens", "DE", "company")],
        [],
    ),
    (
        "e17",
        "University of Padua delegation visits SPbPU",
        "Guests from Italy met with the vice-rector for international affairs Dmitry Arseniev. The "
        "parties discussed student exchange and joint research in biomedical engineering.",
        True,
        [P("University of Padua", "IT", "university")],
        [],
    ),
    # agreement phrasing
    (
        "e18",
        "Polytech and Rosseti ink training agreement",
        "SPbPU and Rosseti inked an agreement on training engineers for the power grid industry. "
        "The company will offer internships and scholarships to the best students.",
        True,
        [P("Rosseti", "RU", "company")],
        [A("agreement", ["Rosseti"], "on training engineers for the power grid industry")],
    ),
    (
        "e19",
        "Polytech and Kazan Federal University agree on joint research",
        "Rector Andrey Rudskoy and the rector of Kazan Federal University Lenar Safin signed off on a "
        "cooperation agreement covering joint research and academic mobility.",
        True,
        [P("Kazan Federal University", "RU", "university")],
        [A("agreement", ["Kazan Federal University"])],
    ),
    (
        "e20",
        "Harbin Institute of Technology delegation at SPbPU",
        "A delegation of Harbin Institute of Technology visited SPbPU. At the end of the meeting the "
        "parties put their signatures to a memorandum of understanding on academic mobility.",
        True,
        [P("Harbin Institute of Technology", "CN", "university")],
        [A("memorandum", ["Harbin Institute of Technology"], "on academic mobility")],
    ),
    (
        "e21",
        "Memorandum with Belarusian colleagues",
        "A memorandum of cooperation was concluded between Peter the Great St. Petersburg "
        "Polytechnic University and the Belarusian National Technical University. It covers joint "
        "educational programmes and research in power engineering.",
        True,
        [P("Belarusian National Technical University", "BY", "university", "BNTU")],
        [A("memorandum", ["Belarusian National Technical University"])],
    ),
    (
        "e22",
        "Double degree in mechatronics to continue",
        "Polytech and Leibniz University Hannover renewed their agreement on the double-degree "
        "programme in mechatronics for another five years. Since 2012 more than 150 students have "
        "graduated from the programme.",
        True,
        [P("Leibniz University Hannover", "DE", "university")],
        [
            A(
                "agreement",
                ["Leibniz University Hannover"],
                "on the double-degree programme in mechatronics",
            )
        ],
    ),
    (
        "e23",
        "Samsung and SPbPU continue cooperation",
        "SPbPU and Samsung Electronics extended the cooperation agreement under which the company's "
        "research centre supports the student laboratory of mobile technologies.",
        True,
        [P("Samsung Electronics", "KR", "company", "Samsung")],
        [A("agreement", ["Samsung Electronics"])],
    ),
    (
        "e24",
        "Oil and gas engineers for Vietnam",
        "The Polytechnic University and the Vietnamese company PetroVietnam signed a letter of intent "
        "to set up a joint training programme for oil and gas engineers.",
        True,
        [P("PetroVietnam", "VN", "company")],
        [
            A(
                "other",
                ["PetroVietnam"],
                "to set up a joint training programme for oil and gas engineers",
            )
        ],
    ),
    (
        "e25",
        "Polytech and Universiti Teknologi Malaysia sign MoU",
        "SPbPU and Universiti Teknologi Malaysia signed an MoU on joint research in materials "
        "science. The universities will also exchange postgraduate students.",
        True,
        [P("Universiti Teknologi Malaysia", "MY", "university", "UTM")],
        [
            A(
                "memorandum",
                ["Universiti Teknologi Malaysia"],
                "on joint research in materials science",
            )
        ],
    ),
    (
        "e26",
        "Naval engineering education: memorandum signed",
        "Rector Andrey Rudskoy and the Director General of the Krylov State Research Centre inked a "
        "memorandum on naval engineering education. The centre will host students for internships.",
        True,
        [P("Krylov State Research Centre", "RU", "research")],
        [A("memorandum", ["Krylov State Research Centre"], "on naval engineering education")],
    ),
    (
        "e27",
        "Roadmap with Tatarstan",
        "SPbPU and the Government of the Republic of Tatarstan signed a roadmap for cooperation in "
        "2025-2027. It includes training of engineers for the republic's petrochemical plants.",
        True,
        [P("Government of the Republic of Tatarstan", "RU", "government")],
        [A("roadmap", ["Government of the Republic of Tatarstan"], "for cooperation in 2025-2027")],
    ),
    (
        "e28",
        "Talks with the University of Tehran",
        "SPbPU and the University of Tehran plan to sign an agreement on joint research next year. "
        "Vice-rector Dmitry Arseniev discussed the draft with the Iranian delegation.",
        True,
        [P("University of Tehran", "IR", "university")],
        [],
    ),
    (
        "e29",
        "Composite wing parts for the aircraft industry",
        "SPbPU signed a contract with United Aircraft Corporation to develop composite wing parts. "
        "The work will be done at the Institute of Mechanical Engineering, Materials and Transport.",
        True,
        [P("United Aircraft Corporation", "RU", "company", "UAC")],
        [A("contract", ["United Aircraft Corporation"], "to develop composite wing parts")],
    ),
    (
        "e30",
        "Cooperation with Uzbekistan",
        "An agreement on joint educational programmes was signed by rector Andrey Rudskoy and the "
        "rector of Tashkent State Technical University. The first students will come to St. "
        "Petersburg in autumn.",
        True,
        [P("Tashkent State Technical University", "UZ", "university")],
        [
            A(
                "agreement",
                ["Tashkent State Technical University"],
                "on joint educational programmes",
            )
        ],
    ),
    (
        "e31",
        "Polytech and Sberbank: agreement signed",
        "A cooperation agreement between SPbPU and Sberbank was signed on 12 March. The document was "
        "signed on behalf of the bank by its deputy chairman.",
        True,
        [P("Sberbank", "RU", "company", "Sber")],
        [A("agreement", ["Sberbank"])],
    ),
    (
        "e32",
        "Joint engineering centre with Gazprom Neft",
        "Polytech and Gazprom Neft have concluded an agreement on the creation of a joint "
        "engineering centre. The centre will work on digital models of oil fields.",
        True,
        [P("Gazprom Neft", "RU", "company")],
        [A("agreement", ["Gazprom Neft"], "on the creation of a joint engineering centre")],
    ),
    (
        "e33",
        "Serbian delegation at Polytech",
        "SPbPU and the University of Belgrade exchanged signed copies of the cooperation agreement "
        "during the visit of the Serbian delegation.",
        True,
        [P("University of Belgrade", "RS", "university")],
        [A("agreement", ["University of Belgrade"])],
    ),
    (
        "e34",
        "Fifth joint summer school with TU Graz",
        "Cooperation between SPbPU and Graz University of Technology rests on an agreement signed in "
        "2015. This year the partners held the fifth joint summer school on energy systems.",
        True,
        [P("Graz University of Technology", "AT", "university", "TU Graz")],
        [A("agreement", ["Graz University of Technology"])],
    ),
    # name spans
    (
        "e35",
        "Joint seminar on quantum materials",
        "SPbPU will host a joint seminar with the University of Illinois at Urbana-Champaign on "
        "quantum materials. Researchers of both universities will present their results.",
        True,
        [P("University of Illinois at Urbana-Champaign", "US", "university")],
        [],
    ),
    (
        "e36",
        "American guests at the Institute of Humanities",
        "A delegation from the University of North Carolina at Chapel Hill discussed a student "
        "exchange programme with the Institute of Humanities of SPbPU.",
        True,
        [P("University of North Carolina at Chapel Hill", "US", "university")],
        [],
    ),
    (
        "e37",
        "Aerospace engineers to be trained jointly",
        "SPbPU and Samara National Research University named after Academician S. P. Korolev signed "
        "an agreement on joint training of aerospace engineers.",
        True,
        [
            P(
                "Samara National Research University named after Academician S. P. Korolev",
                "RU",
                "university",
                "Samara University",
            )
        ],
        [
            A(
                "agreement",
                ["Samara National Research University named after Academician S. P. Korolev"],
                "on joint training of aerospace engineers",
            )
        ],
    ),
    (
        "e38",
        "KAI delegation visits Polytech",
        "A delegation of Kazan National Research Technical University named after A. N. Tupolev "
        "visited the Polytechnic University to discuss joint programmes in aircraft engineering.",
        True,
        [
            P(
                "Kazan National Research Technical University named after A. N. Tupolev",
                "RU",
                "university",
                "KAI",
            )
        ],
        [],
    ),
    (
        "e39",
        "Joint laboratory of advanced alloys",
        "SPbPU and the Chinese Academy of Sciences' Institute of Metal Research will set up a joint "
        "laboratory of advanced alloys in Shenyang.",
        True,
        [
            P(
                "Institute of Metal Research of the Chinese Academy of Sciences",
                "CN",
                "research",
                "Chinese Academy of Sciences' Institute of Metal Research",
            )
        ],
        [],
    ),
    (
        "e40",
        "German engineers at the laser centre",
        "Engineers from the Fraunhofer Society's Institute for Production Technology visited the "
        "Polytech laser centre and agreed on a joint project in laser welding.",
        True,
        [
            P(
                "Fraunhofer Institute for Production Technology",
                "DE",
                "research",
                "Fraunhofer Society's Institute for Production Technology",
            )
        ],
        [],
    ),
    (
        "e41",
        "Course on 5G networks",
        "Huawei's Russian research centre and SPbPU launched a joint course on 5G networks for "
        "master's students of the Institute of Electronics and Telecommunications.",
        True,
        [P("Huawei", "CN", "company", "Huawei Russian Research Centre")],
        [],
    ),
    (
        "e42",
        "Basic department of nuclear engineering",
        "Rosatom State Corporation and SPbPU signed an agreement to open a basic department of "
        "nuclear engineering. Specialists of the corporation will teach there.",
        True,
        [P("Rosatom State Corporation", "RU", "company", "Rosatom")],
        [
            A(
                "agreement",
                ["Rosatom State Corporation"],
                "to open a basic department of nuclear engineering",
            )
        ],
    ),
    (
        "e43",
        "Programme on nuclear fuel",
        "A new educational programme on nuclear fuel was developed together with TVEL, Rosatom's "
        "fuel company. Students will do internships at the company's plants.",
        True,
        [P("TVEL", "RU", "company")],
        [],
    ),
    (
        "e44",
        "Joint PhD supervision with Skoltech",
        "SPbPU and the Skolkovo Institute of Science and Technology (Skoltech) signed an agreement on "
        "joint PhD supervision. Skoltech researchers will also teach courses at Polytech.",
        True,
        [P("Skolkovo Institute of Science and Technology", "RU", "university", "Skoltech")],
        [
            A(
                "agreement",
                ["Skolkovo Institute of Science and Technology"],
                "on joint PhD supervision",
            )
        ],
    ),
    (
        "e45",
        "Consortium for AI education",
        "Polytech, the Moscow Institute of Physics and Technology (MIPT) and the National Research "
        "University Higher School of Economics (HSE) created a consortium for AI education. MIPT will "
        "coordinate the mathematical part of the programme.",
        True,
        [
            P("Moscow Institute of Physics and Technology", "RU", "university", "MIPT"),
            P("National Research University Higher School of Economics", "RU", "university", "HSE"),
        ],
        [],
    ),
    (
        "e46",
        "Seminar for teachers",
        "SPbPU held a methodological seminar for teachers from the universities of Kazan, Tomsk and "
        "Novosibirsk. The seminar focused on online courses.",
        False,
        [],
        [],
    ),
    (
        "e47",
        "Conference on engineering education",
        "Polytech's delegation took part in a conference attended by representatives of leading "
        "universities of China, India and Brazil. Vice-rector Lyudmila Pankova gave a talk.",
        False,
        [],
        [],
    ),
    (
        "e48",
        "Joint institute in Hangzhou opens",
        "SPbPU and Zhejiang University opened a joint institute in Hangzhou. The Chinese university "
        "has been Polytech's partner since 2016.",
        True,
        [P("Zhejiang University", "CN", "university")],
        [],
    ),
    (
        "e49",
        "Network programme in radio engineering",
        "Polytech and the Saint Petersburg State University of Aerospace Instrumentation (SUAI) "
        "launched a network master's programme in radio engineering.",
        True,
        [
            P(
                "Saint Petersburg State University of Aerospace Instrumentation",
                "RU",
                "university",
                "SUAI",
            )
        ],
        [],
    ),
    (
        "e50",
        "Agreement with UrFU",
        "SPbPU signed an agreement with the Ural Federal University named after the first President "
        "of Russia B. N. Yeltsin (UrFU) on joint research in metallurgy.",
        True,
        [
            P(
                "Ural Federal University named after the first President of Russia B. N. Yeltsin",
                "RU",
                "university",
                "UrFU",
                "Ural Federal University",
            )
        ],
        [
            A(
                "agreement",
                ["Ural Federal University named after the first President of Russia B. N. Yeltsin"],
                "on joint research in metallurgy",
            )
        ],
    ),
    (
        "e51",
        "Network programme of three universities",
        "The network programme is run by SPbPU together with Tomsk Polytechnic University and Bauman "
        "Moscow State Technical University.",
        True,
        [
            P("Tomsk Polytechnic University", "RU", "university"),
            P("Bauman Moscow State Technical University", "RU", "university"),
        ],
        [],
    ),
    (
        "e52",
        "New battery developed at Polytech",
        "Under a grant from the Ministry of Science and Higher Education of the Russian Federation, "
        "Polytech scientists developed a new sodium-ion battery.",
        False,
        [],
        [],
    ),
    (
        "e53",
        "Lectures by Tsinghua professors",
        "Professors from Tsinghua University's School of Materials Science and Engineering gave "
        "lectures at SPbPU as part of the joint research programme.",
        True,
        [
            P(
                "Tsinghua University",
                "CN",
                "university",
                "School of Materials Science and Engineering of Tsinghua University",
            )
        ],
        [],
    ),
    (
        "e54",
        "Strategic partnership with Rostec",
        "Rostec State Corporation and Peter the Great St. Petersburg Polytechnic University signed a "
        "strategic partnership agreement.",
        True,
        [P("Rostec State Corporation", "RU", "company", "Rostec")],
        [A("agreement", ["Rostec State Corporation"])],
    ),
    (
        "e55",
        "Electric vehicle specialists for Geely",
        "SPbPU inked a deal with Chinese carmaker Geely to train specialists in electric vehicles.",
        True,
        [P("Geely", "CN", "company")],
        [A("agreement", ["Geely"], "to train specialists in electric vehicles")],
    ),
    (
        "e56",
        "Memorandum with Hanoi University of Science and Technology",
        "The signing of a memorandum of understanding between SPbPU and Hanoi University of Science "
        "and Technology took place on the sidelines of the Russian-Vietnamese forum.",
        True,
        [P("Hanoi University of Science and Technology", "VN", "university")],
        [A("memorandum", ["Hanoi University of Science and Technology"])],
    ),
    (
        "e57",
        "Letter of intent with Ain Shams University",
        "A letter of intent on cooperation was signed by SPbPU and Egypt's Ain Shams University.",
        True,
        [P("Ain Shams University", "EG", "university")],
        [A("other", ["Ain Shams University"], "on cooperation")],
    ),
    (
        "e58",
        "Polytech rises in QS ranking",
        "SPbPU rose in the QS World University Rankings, ahead of the University of Manchester and "
        "Tomsk State University in engineering.",
        False,
        [],
        [],
    ),
    (
        "e59",
        "Polytech physicists create new laser material",
        "Physicists of SPbPU have synthesised a new crystal for infrared lasers. The research was "
        "carried out with the support of the Russian Science Foundation.",
        False,
        [],
        [],
    ),
    (
        "e60",
        "Hydrogen energy laboratory opens",
        "The Polytechnic University, with the support of Gazprom, has opened a new laboratory of "
        "hydrogen energy.",
        True,
        [P("Gazprom", "RU", "company")],
        [],
    ),
    (
        "e61",
        "ICT Academy agreement renewed",
        "The Institute of Electronics and Telecommunications renewed its agreement with Huawei on the "
        "ICT Academy.",
        True,
        [P("Huawei", "CN", "company")],
        [A("agreement", ["Huawei"], "on the ICT Academy")],
    ),
    (
        "e62",
        "Polytech and Kazakh-British Technical University to exchange students",
        "Under the agreement signed on Monday, students of the two universities will be able to "
        "study for a semester abroad. The Almaty university will also host Polytech's summer school.",
        True,
        [P("Kazakh-British Technical University", "KZ", "university", "KBTU")],
        [A("agreement", ["Kazakh-British Technical University"])],
    ),
    (
        "e63",
        "Delegation of Politecnico di Milano at SPbPU",
        "Italian colleagues visited the laboratories of the Institute of Mechanical Engineering and "
        "discussed joint projects in additive manufacturing.",
        True,
        [P("Politecnico di Milano", "IT", "university")],
        [],
    ),
]

# Written after the fixes to ITEMS, before running anything on them: a check on texts the fixes
# never saw (same constructions, other wording, and negatives).
HELD_OUT: list[tuple[str, str, str, bool, list[dict[str, Any]], list[dict[str, Any]]]] = [
    (
        "h01",
        "Polytech and Shandong University open joint laboratory",
        "The laboratory of intelligent welding will be based in Jinan. Researchers of the partner "
        "university and SPbPU engineers will share equipment and supervise students together.",
        True,
        [P("Shandong University", "CN", "university")],
        [],
    ),
    (
        "h02",
        "University of Porto and SPbPU sign memorandum",
        "The memorandum covers student exchange and joint summer schools. The Portuguese "
        "university will host the first school in July.",
        True,
        [P("University of Porto", "PT", "university")],
        [A("memorandum", ["University of Porto"])],
    ),
    (
        "h03",
        "Wind turbine blades tested for a Russian manufacturer",
        "Engineers of the Institute of Energy tested composite blades commissioned by Rosatom's wind "
        "energy division NovaWind. The tests lasted three months.",
        True,
        [P("NovaWind", "RU", "company")],
        [],
    ),
    (
        "h04",
        "Smart grid study for the region",
        "Polytech researchers completed a study of smart grids ordered by the Government of the "
        "Leningrad Region. The results will be used in the regional energy programme.",
        True,
        [P("Government of the Leningrad Region", "RU", "government")],
        [],
    ),
    (
        "h05",
        "Engineering class for schoolchildren",
        "With the support of Rosneft, the Polytechnic University opened an engineering class for "
        "senior pupils of the city's schools.",
        True,
        [P("Rosneft", "RU", "company")],
        [],
    ),
    (
        "h06",
        "Polytech chemists publish results",
        "The study of new catalysts was carried out with the support of the Ministry of Science and "
        "Higher Education of the Russian Federation. The paper appeared in a leading journal.",
        False,
        [],
        [],
    ),
    (
        "h07",
        "Digital twin centre with KAMAZ",
        "SPbPU, together with KAMAZ, will set up a centre for digital twins of trucks. The company "
        "will provide test data and engineers.",
        True,
        [P("KAMAZ", "RU", "company")],
        [],
    ),
    (
        "h08",
        "Students at the regatta",
        "Together with sailors from other universities, Polytech students took part in the "
        "Baltic regatta.",
        False,
        [],
        [],
    ),
    (
        "h09",
        "Agreement renewed",
        "SPbPU and Lappeenranta University of Technology extended their agreement on joint "
        "supervision of doctoral students until 2030.",
        True,
        [P("Lappeenranta University of Technology", "FI", "university", "LUT University")],
        [A("agreement", ["Lappeenranta University of Technology"])],
    ),
    (
        "h10",
        "Memorandum with Mongolian University of Science and Technology",
        "Representatives of SPbPU and the Mongolian University of Science and Technology put their "
        "signatures to a memorandum on academic exchange.",
        True,
        [P("Mongolian University of Science and Technology", "MN", "university")],
        [A("memorandum", ["Mongolian University of Science and Technology"])],
    ),
    (
        "h11",
        "Letter of intent on a joint school",
        "Polytech and the University of Novi Sad signed a letter of intent on a joint summer "
        "school in robotics.",
        True,
        [P("University of Novi Sad", "RS", "university")],
        [A("other", ["University of Novi Sad"])],
    ),
    (
        "h12",
        "Talks on a future agreement",
        "The rector of SPbPU discussed with the delegation of Cairo University an agreement that "
        "the universities plan to sign next spring.",
        True,
        [P("Cairo University", "EG", "university")],
        [],
    ),
    (
        "h13",
        "Researchers from MIT Skoltech programme",
        "SPbPU and the Moscow Institute of Physics and Technology (Phystech) launched a joint "
        "course in quantum computing.",
        True,
        [P("Moscow Institute of Physics and Technology", "RU", "university", "Phystech", "MIPT")],
        [],
    ),
    (
        "h14",
        "Nuclear physics school",
        "The summer school was organised together with the Joint Institute for Nuclear Research "
        "(JINR) in Dubna.",
        True,
        [P("Joint Institute for Nuclear Research", "RU", "research", "JINR")],
        [],
    ),
    (
        "h15",
        "Visit of the Max Planck Society's Institute",
        "Scientists of the Max Planck Society's Institute for Solid State Research visited the "
        "Polytech physics laboratories and discussed a joint project.",
        True,
        [
            P(
                "Max Planck Institute for Solid State Research",
                "DE",
                "research",
                "Max Planck Society's Institute for Solid State Research",
            )
        ],
        [],
    ),
    (
        "h16",
        "Course on autonomous vehicles",
        "Yandex's self-driving division and SPbPU launched a course on autonomous vehicles.",
        True,
        [P("Yandex", "RU", "company")],
        [],
    ),
    (
        "h17",
        "Internships at Severstal",
        "Students will do internships at Severstal Digital, Severstal's IT company, under the new "
        "agreement signed with SPbPU.",
        True,
        [P("Severstal Digital", "RU", "company")],
        [A("agreement", ["Severstal Digital"])],
    ),
    (
        "h18",
        "Agreement with Novosibirsk State Technical University",
        "SPbPU signed an agreement with Novosibirsk State Technical University on network "
        "programmes in power engineering.",
        True,
        [P("Novosibirsk State Technical University", "RU", "university", "NSTU")],
        [A("agreement", ["Novosibirsk State Technical University"])],
    ),
    (
        "h19",
        "Olympiad for schoolchildren",
        "The olympiad brought together pupils from Moscow, Kazan, Tomsk and Novosibirsk. The "
        "winners will be admitted to SPbPU without exams.",
        False,
        [],
        [],
    ),
    (
        "h20",
        "Consulate of Italy at Polytech",
        "The Consulate General of Italy in St. Petersburg and SPbPU held talks on Italian language "
        "courses and student exchange.",
        True,
        [P("Consulate General of Italy in St. Petersburg", "IT", "government")],
        [],
    ),
    (
        "h21",
        "Deal with a shipbuilder",
        "SPbPU inked a deal with the shipbuilder Admiralty Shipyards to design a training "
        "simulator.",
        True,
        [P("Admiralty Shipyards", "RU", "company")],
        [A("agreement", ["Admiralty Shipyards"])],
    ),
    (
        "h22",
        "A great deal of interest",
        "The open day at SPbPU attracted a great deal of interest: more than 5,000 school leavers "
        "visited the campus and met the rector.",
        False,
        [],
        [],
    ),
    (
        "h23",
        "Tomsk Polytechnic University and SPbPU launch network programme",
        "The two universities will train specialists in nuclear power engineering. Students of the "
        "Siberian university will spend a semester in St. Petersburg.",
        True,
        [P("Tomsk Polytechnic University", "RU", "university")],
        [],
    ),
    (
        "h24",
        "Rector's column: Union of Efforts",
        "In his column the rector writes about the role of engineering education in the economy.",
        False,
        [],
        [],
    ),
]


def main() -> None:
    with (
        (HERE / "enprobe.jsonl").open("w", encoding="utf-8") as fa,
        (HERE / "enprobe-gold.jsonl").open("w", encoding="utf-8") as fg,
    ):
        for aid, title, text, flag, partners, agreements in ITEMS:
            fa.write(json.dumps({"id": aid, "lang": "en", "title": title, "text": text}) + "\n")
            gold = {"id": aid, "partnership": flag, "partners": partners, "agreements": agreements}
            fg.write(json.dumps(gold, ensure_ascii=False) + "\n")
    with (
        (HERE / "enprobe-b.jsonl").open("w", encoding="utf-8") as fa,
        (HERE / "enprobe-b-gold.jsonl").open("w", encoding="utf-8") as fg,
    ):
        for aid, title, text, flag, partners, agreements in HELD_OUT:
            fa.write(json.dumps({"id": aid, "lang": "en", "title": title, "text": text}) + "\n")
            gold = {"id": aid, "partnership": flag, "partners": partners, "agreements": agreements}
            fg.write(json.dumps(gold, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
