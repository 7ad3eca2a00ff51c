"""Writes xscriptprobe.jsonl: invented articles for the end-to-end registry probe across scripts.

Each "meet" set names one foreign (or foreign-brand) organisation in Latin letters in one article
and in Cyrillic in another (cases, legal forms, a nation adjective the text puts before it); each
"apart" set names two organisations that look alike across the scripts (a company and its
subsidiary or sister company, a university and its school or institute, two companies sharing a
brand word). Every text was written by hand for this probe before the pipeline was run on it;
none is taken from the corpus. Read by `bench/probe_registry_e2e.py --batch xscript`.
"""

# ruff: noqa: E501  # the invented texts are data: their strings are cut where the sentences are

from __future__ import annotations

from pathlib import Path
from typing import Any

from make_regprobe import T, org, write  # the same shapes as the Russian batch's

HERE = Path(__file__).resolve().parent


# (id, expect, about, orgs, articles)
# fmt: off
SETS: list[tuple[str, str, str, dict[str, dict[str, Any]], list[dict[str, str]]]] = [
    (
        "x01", "meet", "a German company's subsidiary brand in Latin and in Cyrillic",
        {"A": org(["Siemens Energy", "Сименс Энерджи"], country="DE")},
        [
            T("A", "Политех и Siemens Energy откроют лабораторию газовых турбин",
              "Санкт-Петербургский политехнический университет Петра Великого и компания Siemens Energy подписали соглашение о создании лаборатории газовых турбин. Студенты Института энергетики получат доступ к оборудованию партнёра."),
            T("A", "Инженеры «Сименс Энерджи» прочитают курс лекций в СПбПУ",
              "СПбПУ и компания «Сименс Энерджи» договорились о совместном курсе по цифровым двойникам энергетического оборудования. Соглашение подписали проректор Политеха и руководитель учебного центра компании."),
        ],
    ),
    (
        "x02", "meet", "a foreign group's Russian subsidiary («… Рус») in both scripts",
        {"A": org(["Volkswagen Group Rus", "Фольксваген Груп Рус", "ООО «Фольксваген Груп Рус»"], country="RU")},
        [
            T("A", "Volkswagen Group Rus и Политех запускают программу стажировок",
              "СПбПУ и Volkswagen Group Rus подписали соглашение о стажировках для студентов Института машиностроения, материалов и транспорта. Лучшие стажёры получат предложения о работе."),
            T("A", "Политех подписал соглашение с ООО «Фольксваген Груп Рус»",
              "Санкт-Петербургский политехнический университет Петра Великого и ООО «Фольксваген Груп Рус» заключили соглашение о сотрудничестве в подготовке инженеров автомобильной отрасли. Компания передаст вузу учебный двигатель."),
        ],
    ),
    (
        "x03", "meet", "a German university by its native name and by its Russian name with the city apart",
        {"A": org(["Bauhaus-Universität Weimar", "Университет Баухаус", "Bauhaus University Weimar", "Веймарский университет Баухаус"], country="DE")},
        [
            T("A", "Политех и Bauhaus-Universität Weimar подписали меморандум",
              "СПбПУ и Bauhaus-Universität Weimar подписали меморандум о сотрудничестве в области архитектуры и строительства. Стороны планируют обмен студентами магистратуры."),
            T("A", "Студенты Политеха пройдут семестр в Университете Баухаус",
              "Инженерно-строительный институт СПбПУ и Университет Баухаус (Веймар) запускают программу академической мобильности. Первые студенты отправятся в Германию весной."),
        ],
    ),
    (
        "x04", "meet", "a Finnish university with a nation adjective the text puts before it",
        {"A": org(["Университет Аалто", "Aalto University"], country="FI")},
        [
            T("A", "Политех и Финский университет Аалто договорились о совместной магистратуре",
              "СПбПУ и Финский университет Аалто подписали соглашение о программе двойных дипломов по промышленному дизайну. Обучение начнётся в следующем учебном году."),
            T("A", "Aalto University and SPbPU sign a student exchange agreement",
              "Peter the Great St. Petersburg Polytechnic University and Aalto University signed an agreement on student exchange in industrial design. The first students will arrive in September."),
        ],
    ),
    (
        "x05", "meet", "a Swedish company in Latin and in Cyrillic, genitive",
        {"A": org(["Ericsson", "Эрикссон"], country="SE")},
        [
            T("A", "Политех и Ericsson откроют центр компетенций по сетям 5G",
              "СПбПУ и компания Ericsson подписали соглашение о создании центра компетенций по сетям пятого поколения. Центр разместится в Институте компьютерных наук и кибербезопасности."),
            T("A", "Специалисты «Эрикссона» проведут хакатон в СПбПУ",
              "Специалисты компании «Эрикссон» и преподаватели Политеха проведут совместный хакатон по телекоммуникациям. Соглашение о проведении хакатона подписано на три года."),
        ],
    ),
    (
        "x06", "meet", "a Finnish company in Latin and in Cyrillic",
        {"A": org(["Nokia", "Нокиа"], country="FI")},
        [
            T("A", "Nokia поддержит лабораторию телекоммуникаций Политеха",
              "Компания Nokia и СПбПУ подписали соглашение о поддержке лаборатории телекоммуникационных систем. Партнёр передаст вузу базовые станции для учебных занятий."),
            T("A", "Политех и «Нокиа» подготовят инженеров связи",
              "Санкт-Петербургский политехнический университет Петра Великого и компания «Нокиа» договорились о совместной образовательной программе для инженеров связи."),
        ],
    ),
    (
        "x07", "meet", "a French company with two words in both scripts",
        {"A": org(["Schneider Electric", "Шнайдер Электрик"], country="FR")},
        [
            T("A", "Schneider Electric откроет учебный класс в Политехе",
              "Компания Schneider Electric и СПбПУ подписали соглашение об открытии учебного класса по автоматизации энергосистем. Класс оснастят современными контроллерами."),
            T("A", "Политех и «Шнайдер Электрик» продлили соглашение",
              "СПбПУ и компания «Шнайдер Электрик» продлили соглашение о сотрудничестве в области энергоэффективности ещё на пять лет. Студенты продолжат проходить практику на заводах партнёра."),
        ],
    ),
    (
        "x08", "meet", "a Korean company: brand and division word in both scripts",
        {"A": org(["Samsung Electronics", "Самсунг Электроникс"], country="KR")},
        [
            T("A", "Samsung Electronics и СПбПУ подписали соглашение",
              "СПбПУ и Samsung Electronics подписали соглашение о совместных исследованиях в области искусственного интеллекта. Исследования пройдут в научном центре Политеха."),
            T("A", "Стипендии «Самсунг Электроникс» получат двадцать студентов Политеха",
              "Компания «Самсунг Электроникс» и СПбПУ учредили именные стипендии для студентов-программистов. Соглашение подписано в рамках стратегического партнёрства."),
        ],
    ),
    (
        "x09", "meet", "a German university: Latin name and the Russian genitive of the city",
        {"A": org(["Technische Universität Dresden", "Технический университет Дрездена", "TU Dresden", "Дрезденский технический университет"], country="DE")},
        [
            T("A", "Политех и Technische Universität Dresden запускают двойной диплом",
              "СПбПУ и Technische Universität Dresden подписали соглашение о программе двойных дипломов по электроэнергетике. Студенты проведут год в Германии."),
            T("A", "Делегация Дрезденского технического университета посетила СПбПУ",
              "СПбПУ и Дрезденский технический университет договорились о совместных исследованиях в области микроэлектроники. Соглашение подписали ректоры двух вузов."),
        ],
    ),
    (
        "x10", "meet", "a Swiss-Swedish company by its letters in both scripts",
        {"A": org(["ABB", "АББ"], country="CH")},
        [
            T("A", "Политех и ABB подписали соглашение о робототехнике",
              "СПбПУ и компания ABB подписали соглашение о создании учебного центра промышленной робототехники. Центр откроется в Институте машиностроения."),
            T("A", "«АББ» передаст Политеху промышленных роботов",
              "Компания «АББ» и СПбПУ договорились о передаче университету шести промышленных роботов для учебного центра. Соглашение подписано на пять лет."),
        ],
    ),
    (
        "x11", "meet", "a Finnish university: Latin name and the Russian adjective of the city",
        {"A": org(["University of Helsinki", "Хельсинкский университет"], country="FI")},
        [
            T("A", "Политех и University of Helsinki договорились об обмене студентами",
              "СПбПУ и University of Helsinki подписали соглашение об академическом обмене в области компьютерных наук. Обмен начнётся осенью."),
            T("A", "Хельсинкский университет и СПбПУ проведут летнюю школу",
              "Хельсинкский университет и СПбПУ подписали соглашение о совместной летней школе по анализу данных. Школа пройдёт в Санкт-Петербурге."),
        ],
    ),
    (
        "x12", "meet", "a Swedish carmaker: two words, with and without the legal form",
        {"A": org(["Volvo Cars", "Вольво Карс"], country="SE")},
        [
            T("A", "Volvo Cars и Политех займутся беспилотными автомобилями",
              "СПбПУ и компания Volvo Cars подписали соглашение о совместных исследованиях в области беспилотного транспорта. Работы пройдут в лаборатории Политеха."),
            T("A", "Политех и «Вольво Карс» открыли учебную лабораторию",
              "СПбПУ и компания «Вольво Карс» открыли учебную лабораторию электромобилей. Соглашение о лаборатории подписано в прошлом месяце."),
        ],
    ),
    (
        "x13", "meet", "a German foundation of research institutes: native word and Russian translation",
        {"A": org(["Fraunhofer-Gesellschaft", "Общество Фраунгофера"], country="DE")},
        [
            T("A", "Политех и Fraunhofer-Gesellschaft подписали соглашение",
              "СПбПУ и Fraunhofer-Gesellschaft подписали соглашение о совместных исследованиях в области аддитивных технологий. Первые проекты стартуют в этом году."),
            T("A", "Общество Фраунгофера и СПбПУ расширяют сотрудничество",
              "Общество Фраунгофера и СПбПУ договорились о совместных исследованиях в области лазерных технологий. Соглашение подписано в Мюнхене."),
        ],
    ),
    (
        "x14", "meet", "an Austrian university: Latin name and Russian genitive of the city",
        {"A": org(["Graz University of Technology", "Технический университет Граца", "TU Graz"], country="AT")},
        [
            T("A", "Graz University of Technology and SPbPU agree on joint research",
              "Peter the Great St. Petersburg Polytechnic University and Graz University of Technology signed an agreement on joint research in materials science."),
            T("A", "Политех и Технический университет Граца проведут совместную конференцию",
              "СПбПУ и Технический университет Граца подписали соглашение о проведении совместной конференции по материаловедению. Конференция пройдёт в Австрии."),
        ],
    ),
    (
        "x15", "meet", "a German company with its legal form in Latin, bare in Cyrillic",
        {"A": org(["Robert Bosch", "Роберт Бош", "Robert Bosch GmbH"], country="DE")},
        [
            T("A", "Политех и Robert Bosch GmbH подписали соглашение о практике",
              "СПбПУ и Robert Bosch GmbH подписали соглашение о практике для студентов Института машиностроения, материалов и транспорта. Практика пройдёт на заводах компании."),
            T("A", "Инженеры компании «Роберт Бош» провели мастер-класс в Политехе",
              "Компания «Роберт Бош» и СПбПУ договорились о цикле мастер-классов по автомобильной электронике. Соглашение подписано на два года."),
        ],
    ),
    (
        "x16", "meet", "an Italian university: Latin name and Russian translation",
        {"A": org(["Politecnico di Milano", "Миланский политехнический университет"], country="IT")},
        [
            T("A", "Политех и Politecnico di Milano запускают совместную программу",
              "СПбПУ и Politecnico di Milano подписали соглашение о совместной магистерской программе по дизайну. Обучение пройдёт в двух странах."),
            T("A", "Миланский политехнический университет и СПбПУ расширили обмен студентами",
              "Миланский политехнический университет и СПбПУ подписали соглашение о расширении обмена студентами. Квота увеличена вдвое."),
        ],
    ),
    (
        "x17", "meet", "a Russian company named in Latin by its English brand and in Cyrillic",
        {"A": org(["Яндекс", "Yandex"], country="RU")},
        [
            T("A", "Yandex и Политех открывают школу анализа данных",
              "СПбПУ и компания Yandex подписали соглашение об открытии филиала школы анализа данных. Занятия начнутся осенью."),
            T("A", "Политех и «Яндекс» подписали соглашение",
              "СПбПУ и «Яндекс» подписали соглашение о совместной магистерской программе по машинному обучению. Преподавать будут специалисты компании."),
        ],
    ),
    (
        "x18", "meet", "a French company in three forms: Latin, Cyrillic, Cyrillic with a legal form",
        {"A": org(["Air Liquide", "Эр Ликид"], country="FR")},
        [
            T("A", "Air Liquide и СПбПУ займутся водородной энергетикой",
              "СПбПУ и компания Air Liquide подписали соглашение о совместных исследованиях в области водородной энергетики."),
            T("A", "Политех и «Эр Ликид» открыли лабораторию",
              "СПбПУ и компания «Эр Ликид» открыли совместную лабораторию промышленных газов. Соглашение подписано на три года."),
        ],
    ),
    (
        "x19", "meet", "a Chinese university in Latin and Cyrillic, a nation adjective glued on",
        {"A": org(["Университет Цинхуа", "Tsinghua University"], country="CN")},
        [
            T("A", "Политех и Китайский университет Цинхуа подписали соглашение",
              "СПбПУ и Китайский университет Цинхуа подписали соглашение о сотрудничестве в области энергетики. Стороны откроют совместный научный центр."),
            T("A", "Tsinghua University and SPbPU open a joint centre",
              "Peter the Great St. Petersburg Polytechnic University and Tsinghua University opened a joint research centre for energy."),
        ],
    ),
    (
        "x20", "meet", "a German university with the nation adjective in Russian only",
        {"A": org(["Университет Штутгарта", "University of Stuttgart", "Штутгартский университет"], country="DE")},
        [
            T("A", "Немецкий университет Штутгарта и Политех подписали соглашение",
              "СПбПУ и немецкий Университет Штутгарта подписали соглашение о двойных дипломах в области машиностроения."),
            T("A", "University of Stuttgart and SPbPU extend cooperation",
              "Peter the Great St. Petersburg Polytechnic University and the University of Stuttgart signed an agreement to extend their double degree programme."),
        ],
    ),
    (
        "x21", "meet", "a Japanese company in Latin and in Cyrillic",
        {"A": org(["Mitsubishi Electric", "Мицубиси Электрик"], country="JP")},
        [
            T("A", "Mitsubishi Electric откроет учебный центр в Политехе",
              "СПбПУ и компания Mitsubishi Electric подписали соглашение об открытии учебного центра промышленной автоматизации."),
            T("A", "Политех и «Мицубиси Электрик» продлили сотрудничество",
              "СПбПУ и компания «Мицубиси Электрик» продлили соглашение о сотрудничестве в области автоматизации."),
        ],
    ),
    (
        "x22", "meet", "a Finnish university of technology: Latin name and a Russian name with the city adjective",
        {"A": org(["LUT University", "Лаппеенрантский технологический университет", "Lappeenranta University of Technology"], country="FI")},
        [
            T("A", "Политех и Lappeenranta University of Technology подписали соглашение",
              "СПбПУ и Lappeenranta University of Technology подписали соглашение о совместных исследованиях в области возобновляемой энергетики."),
            T("A", "Лаппеенрантский технологический университет и СПбПУ проведут школу",
              "Лаппеенрантский технологический университет и СПбПУ подписали соглашение о летней школе по энергетике."),
        ],
    ),
    # Look-alikes that must stay apart.
    (
        "y01", "apart", "a company and its subsidiary across scripts",
        {"A": org(["Siemens", "Сименс"], country="DE"), "B": org(["Siemens Energy", "Сименс Энерджи"], country="DE")},
        [
            T("A", "Политех и «Сименс» подписали соглашение об автоматизации",
              "СПбПУ и компания «Сименс» подписали соглашение о создании учебного центра промышленной автоматизации."),
            T("B", "Siemens Energy и Политех займутся турбинами",
              "СПбПУ и компания Siemens Energy подписали соглашение о совместных исследованиях газовых турбин."),
        ],
    ),
    (
        "y02", "apart", "a Russian company and its oil subsidiary across scripts",
        {"A": org(["Газпром", "ПАО «Газпром»", "Gazprom"], country="RU"), "B": org(["Gazprom Neft", "Газпром нефть"], country="RU")},
        [
            T("A", "Политех и ПАО «Газпром» подписали соглашение",
              "СПбПУ и ПАО «Газпром» подписали соглашение о подготовке кадров для газовой отрасли."),
            T("B", "Gazprom Neft and SPbPU open a digital lab",
              "Peter the Great St. Petersburg Polytechnic University and Gazprom Neft opened a joint laboratory for digital oil field technologies."),
        ],
    ),
    (
        "y03", "apart", "a foreign parent and its Russian «… Рус» subsidiary across scripts",
        {"A": org(["Volkswagen", "Фольксваген", "Volkswagen AG"], country="DE"), "B": org(["Фольксваген Груп Рус", "Volkswagen Group Rus"], country="RU")},
        [
            T("A", "Политех и Volkswagen AG подписали меморандум",
              "СПбПУ и Volkswagen AG подписали меморандум о сотрудничестве в области электромобилей."),
            T("B", "Политех и «Фольксваген Груп Рус» запускают стажировки",
              "СПбПУ и ООО «Фольксваген Груп Рус» подписали соглашение о стажировках для студентов."),
        ],
    ),
    (
        "y04", "apart", "a university and a foundation sharing its distinctive word",
        {"A": org(["Bauhaus-Universität Weimar", "Университет Баухаус"], country="DE"), "B": org(["Фонд Баухаус Дессау", "Bauhaus Dessau Foundation"], country="DE")},
        [
            T("A", "Политех и Bauhaus-Universität Weimar подписали меморандум",
              "СПбПУ и Bauhaus-Universität Weimar подписали меморандум о сотрудничестве в области архитектуры."),
            T("B", "Фонд Баухаус Дессау и Политех проведут выставку",
              "СПбПУ и Фонд Баухаус Дессау подписали соглашение о совместной выставке архитектурных проектов."),
        ],
    ),
    (
        "y05", "apart", "a university and its business school across scripts",
        {"A": org(["Aalto University", "Университет Аалто"], country="FI"), "B": org(["Школа бизнеса Университета Аалто", "Aalto University School of Business"], country="FI")},
        [
            T("A", "Aalto University and SPbPU sign an exchange agreement",
              "Peter the Great St. Petersburg Polytechnic University and Aalto University signed an agreement on student exchange in engineering."),
            T("B", "Политех и Школа бизнеса Университета Аалто запускают программу MBA",
              "СПбПУ и Школа бизнеса Университета Аалто подписали соглашение о совместной программе MBA."),
        ],
    ),
    (
        "y06", "apart", "two companies of one group across scripts",
        {"A": org(["Samsung Electronics", "Самсунг Электроникс"], country="KR"), "B": org(["Самсунг Хэви Индастриз", "Samsung Heavy Industries"], country="KR")},
        [
            T("A", "Samsung Electronics и СПбПУ подписали соглашение",
              "СПбПУ и Samsung Electronics подписали соглашение о совместных исследованиях в области искусственного интеллекта."),
            T("B", "Политех и «Самсунг Хэви Индастриз» займутся судостроением",
              "СПбПУ и компания «Самсунг Хэви Индастриз» подписали соглашение о совместных исследованиях в области судостроения."),
        ],
    ),
    (
        "y07", "apart", "a company and a look-alike brand across scripts",
        {"A": org(["Nokia", "Нокиа"], country="FI"), "B": org(["Нокиан Шины", "Nokian Tyres"], country="FI")},
        [
            T("A", "Nokia поддержит лабораторию телекоммуникаций Политеха",
              "Компания Nokia и СПбПУ подписали соглашение о поддержке лаборатории телекоммуникационных систем."),
            T("B", "Политех и «Нокиан Шины» займутся испытаниями шин",
              "СПбПУ и компания «Нокиан Шины» подписали соглашение о совместных испытаниях зимних шин."),
        ],
    ),
    (
        "y08", "apart", "two companies sharing a brand across scripts",
        {"A": org(["Volvo Cars", "Вольво Карс"], country="SE"), "B": org(["Вольво Груп", "Volvo Group"], country="SE")},
        [
            T("A", "Volvo Cars и Политех займутся беспилотными автомобилями",
              "СПбПУ и компания Volvo Cars подписали соглашение о совместных исследованиях беспилотного транспорта."),
            T("B", "Политех и «Вольво Груп» подготовят инженеров грузовой техники",
              "СПбПУ и компания «Вольво Груп» подписали соглашение о подготовке инженеров грузовой техники."),
        ],
    ),
    (
        "y09", "apart", "a university and its institute in another city across scripts",
        {"A": org(["Tsinghua University", "Университет Цинхуа"], country="CN"), "B": org(["Шэньчжэньский институт Цинхуа", "Tsinghua Shenzhen Institute"], country="CN")},
        [
            T("A", "Tsinghua University and SPbPU open a joint centre",
              "Peter the Great St. Petersburg Polytechnic University and Tsinghua University opened a joint research centre for energy."),
            T("B", "Политех и Шэньчжэньский институт Цинхуа подписали соглашение",
              "СПбПУ и Шэньчжэньский институт Цинхуа подписали соглашение о совместных исследованиях в области робототехники."),
        ],
    ),
    (
        "y10", "apart", "two subsidiaries of one parent across scripts",
        {"A": org(["Siemens Healthineers", "Сименс Хелсинирс"], country="DE"), "B": org(["Сименс Энерджи", "Siemens Energy"], country="DE")},
        [
            T("A", "Siemens Healthineers и Политех займутся медицинской техникой",
              "СПбПУ и компания Siemens Healthineers подписали соглашение о совместной лаборатории медицинской визуализации."),
            T("B", "Политех и «Сименс Энерджи» откроют лабораторию",
              "СПбПУ и компания «Сименс Энерджи» подписали соглашение о лаборатории газовых турбин."),
        ],
    ),
    (
        "y11", "apart", "a university and a university of applied sciences of one city across scripts",
        {"A": org(["University of Helsinki", "Хельсинкский университет"], country="FI"), "B": org(["Хельсинкский университет прикладных наук", "Helsinki University of Applied Sciences"], country="FI")},
        [
            T("A", "Политех и University of Helsinki договорились об обмене",
              "СПбПУ и University of Helsinki подписали соглашение об академическом обмене в области компьютерных наук."),
            T("B", "Хельсинкский университет прикладных наук и СПбПУ подписали соглашение",
              "Хельсинкский университет прикладных наук и СПбПУ подписали соглашение о совместной программе по логистике."),
        ],
    ),
    (
        "y12", "apart", "a company and its Russian subsidiary, both in Cyrillic and Latin",
        {"A": org(["Schneider Electric", "Шнайдер Электрик"], country="FR"), "B": org(["Шнайдер Электрик Рус", "Schneider Electric Rus"], country="RU")},
        [
            T("A", "Schneider Electric откроет учебный класс в Политехе",
              "Компания Schneider Electric и СПбПУ подписали соглашение об открытии учебного класса по автоматизации энергосистем."),
            T("B", "Политех и «Шнайдер Электрик Рус» подписали соглашение о практике",
              "СПбПУ и ООО «Шнайдер Электрик Рус» подписали соглашение о практике студентов на заводе в Козьмодемьянске."),
        ],
    ),
]
# fmt: on


def main() -> None:
    write(SETS, HERE / "xscriptprobe.jsonl")


if __name__ == "__main__":
    main()
