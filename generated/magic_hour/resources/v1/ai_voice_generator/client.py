"""`client.v1.ai_voice_generator`: create (POST /v1/ai-voice-generator)."""

from __future__ import annotations

import os
import typing

import typing_extensions

from magic_hour import conventions
from magic_hour.core import validation
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.responses import Expected
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven, given
from magic_hour.core.workflow import (
    AsyncWorkflow,
    ProgressCallback,
    SyncWorkflow,
    WorkflowConventions,
)
from magic_hour.resources.v1.audio_projects.client import (
    AsyncAudioProjectsClient,
    AudioProjectsClient,
)
from magic_hour.types.params.v1_ai_voice_generator_create_body_style import (
    V1AiVoiceGeneratorCreateBodyStyle,
)
from magic_hour.types.models.v1_ai_voice_generator_create_response import (
    V1AiVoiceGeneratorCreateResponse,
)
from magic_hour.types.models.v1_audio_projects_get_response_with_downloads import (
    V1AudioProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1AiVoiceGeneratorCreateResponse] = Expected(
    json={200: V1AiVoiceGeneratorCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "style": {
            "type": "object",
            "properties": {
                "prompt": {"type": "string", "minLength": 1},
                "voice_name": {
                    "type": "string",
                    "enum": [
                        "Elon Musk",
                        "Mark Zuckerberg",
                        "Joe Rogan",
                        "Barack Obama",
                        "Morgan Freeman",
                        "Kanye West",
                        "Donald Trump",
                        "Joe Biden",
                        "Kim Kardashian",
                        "Taylor Swift",
                        "James Earl Jones",
                        "Samuel L. Jackson",
                        "Jeff Goldblum",
                        "David Attenborough",
                        "Sean Connery",
                        "Cillian Murphy",
                        "Anne Hathaway",
                        "Julia Roberts",
                        "Natalie Portman",
                        "Steve Carell",
                        "Amy Poehler",
                        "Stephen Colbert",
                        "Jimmy Fallon",
                        "David Letterman",
                        "Alex Trebek",
                        "Katy Perry",
                        "Prince",
                        "Kevin Bacon",
                        "Tom Hiddleston",
                        "Adam Driver",
                        "Alan Rickman",
                        "Alexz Johnson",
                        "Ana Gasteyer",
                        "Andrew Rannells",
                        "Arden Cho",
                        "Bear Grylls",
                        "Ben McKenzie",
                        "Ben Stiller",
                        "Ben Whishaw",
                        "Billie Joe Armstrong",
                        "Bingbing Li",
                        "Booboo Stewart",
                        "Bradley Steven Perry",
                        "Bruno Mars",
                        "Caity Lotz",
                        "Cameron Boyce",
                        "Candice Accola",
                        "Carrie Underwood",
                        "Casey Affleck",
                        "Caterina Scorsone",
                        "Cedric the Entertainer",
                        "Chace Crawford",
                        "Chadwick Boseman",
                        "Charlie Day",
                        "Chris Hemsworth",
                        "Chris Martin",
                        "Christopher Mintz-Plasse",
                        "Dan Fogler",
                        "Dan Stevens",
                        "Daniel Dae Kim",
                        "Danielle Panabaker",
                        "Dave Bautista",
                        "David Schwimmer",
                        "Denis Leary",
                        "Derek Mears",
                        "Diego Luna",
                        "Donald Glover",
                        "Donnie Yen",
                        "Doutzen Kroes",
                        "Dove Cameron",
                        "Dr. Dre",
                        "Drake Bell",
                        "Elle Fanning",
                        "Ernie Hudson",
                        "Fergie",
                        "Forest Whitaker",
                        "Francia Raisa",
                        "Freddie Highmore",
                        "Gillian Jacobs",
                        "Gina Carano",
                        "Ginnifer Goodwin",
                        "Gordon Ramsay",
                        "Guy Pearce",
                        "Gwendoline Christie",
                        "Hailee Steinfeld",
                        "Howie Mandel",
                        "Hugh Jackman",
                        "Hugh Laurie",
                        "J. K. Simmons",
                        "Jack Black",
                        "Jared Leto",
                        "Jennifer Carpenter",
                        "Kesha",
                        "Kris Jenner",
                        "Kristen Bell",
                        "Lorde",
                        "Matt Smith",
                        "Marilyn Monroe",
                        "Charlie Chaplin",
                        "Albert Einstein",
                        "Abraham Lincoln",
                        "John F. Kennedy",
                        "Lucille Ball",
                        "A.R. Rahman",
                        "Aamir Khan",
                        "Ajay Devgn",
                        "Akshay Kumar",
                        "Alain Delon",
                        "Alan Alda",
                        "Alan Cumming",
                        "Amitabh Bachchan",
                        "Ang Lee",
                        "Ansel Elgort",
                        "Anthony Anderson",
                        "Anthony Mackie",
                        "Armie Hammer",
                        "Asa Butterfield",
                        "B.J. Novak",
                        "Barbara Eden",
                        "Betty White",
                        "Bill Nighy",
                        "Bill Pullman",
                        "Blake Shelton",
                        "Bonnie Wright",
                        "Brad Paisley",
                        "Brendan Gleeson",
                        "Brian Cox",
                        "Bruno Ganz",
                        "Burt Reynolds",
                        "Carrie Fisher",
                        "Charles Dance",
                        "Chiwetel Ejiofor",
                        "Chris Pine",
                        "Christina Hendricks",
                        "Christina Ricci",
                        "Cyndi Lauper",
                        "Dakota Fanning",
                        "Damian Lewis",
                        "Dan Aykroyd",
                        "Daniel Craig",
                        "David Oyelowo",
                        "David Tennant",
                        "Diane Keaton",
                        "Diane Kruger",
                        "Dick Van Dyke",
                        "Domhnall Gleeson",
                        "Dominic Cooper",
                        "Donald Sutherland",
                        "Drew Carey",
                        "Eartha Kitt",
                        "Eddie Izzard",
                        "Edward Asner",
                        "Eli Roth",
                        "Elisabeth Moss",
                        "Ellen Burstyn",
                        "Emile Hirsch",
                        "Ezra Miller",
                        "Felicity Jones",
                        "Fiona Shaw",
                        "Florence Henderson",
                        "Freida Pinto",
                        "Geena Davis",
                        "Gemma Arterton",
                        "Geri Halliwell",
                        "Glenn Close",
                        "Gloria Steinem",
                        "Greta Gerwig",
                        "Gugu Mbatha-Raw",
                        "Hans Zimmer",
                        "Harry Connick Jr.",
                        "Harvey Keitel",
                        "Helena Bonham Carter",
                        "Henry Cavill",
                        "Hilary Swank",
                        "Hugh Bonneville",
                        "Idina Menzel",
                        "Imelda Staunton",
                        "Ingrid Bergman",
                        "Irrfan Khan",
                        "Isla Fisher",
                        "Iwan Rheon",
                        "Jack Lemmon",
                        "Janet Jackson",
                        "Jason Bateman",
                        "Jason Segel",
                        "Jennifer Coolidge",
                        "Johnny Galecki",
                        "Jon Favreau",
                        "Joseph Gordon-Levitt",
                        "Josh Brolin",
                        "Josh Gad",
                        "Josh Groban",
                        "Julia Louis-Dreyfus",
                        "Kristen Stewart",
                        "Kristen Wiig",
                        "Rooney Mara",
                        "Caitriona Balfe",
                        "J.J. Abrams",
                        "Zoe Saldana",
                        "SpongeBob SquarePants",
                        "Patrick Star",
                        "Squidward Tentacles",
                        "Homer Simpson",
                        "Bart Simpson",
                        "Peter Griffin",
                        "Stewie Griffin",
                        "Eric Cartman",
                        "Rick Sanchez",
                        "Bugs Bunny",
                        "Mickey Mouse",
                        "Donald Duck",
                        "Shrek",
                        "Donkey (Shrek)",
                        "Elsa (Frozen)",
                        "Woody (Toy Story)",
                        "Buzz Lightyear",
                        "Scooby-Doo",
                        "Shaggy Rogers",
                        "Bender (Futurama)",
                        "Optimus Prime",
                        "Batman (Animated)",
                        "The Joker (Animated)",
                        "Darth Vader",
                        "Yoda",
                        "Gollum Smeagol",
                        "Gandalf",
                        "Winnie the Pooh",
                        "Kermit the Frog",
                        "Elmo",
                        "SpiderMan (Tom Holland ver.)",
                        "Mario",
                        "Luigi",
                        "Sonic the Hedgehog",
                        "Naruto Uzumaki",
                        "Goku",
                        "Vegeta",
                        "Light Yagami",
                        "Luffy (One Piece)",
                        "Edward Elric",
                        "Eren Jaeger",
                        "Levi Ackerman",
                        "Tanjiro Kamado",
                        "All Might",
                        "GLaDOS",
                        "Master Chief",
                        "Kratos",
                        "Arthur Morgan",
                        "Geralt of Rivia",
                        "Dwayne 'The Rock' Johnson",
                        "LeBron James",
                        "Shaquille O'Neal",
                        "Conor McGregor",
                        "Mike Tyson",
                        "Kobe Bryant",
                        "Floyd Mayweather",
                        "Cristiano Ronaldo",
                        "Lionel Messi",
                        "Serena Williams",
                        "Tom Brady",
                        "Stephen Curry",
                        "John Cena",
                        "Hulk Hogan",
                        "Stone Cold Steve Austin",
                        "The Undertaker",
                        "Nate Diaz",
                        "Charles Barkley",
                        "Shannon Sharpe",
                        "Drake",
                        "Rihanna",
                        "Eminem",
                        "Snoop Dogg",
                        "Jay-Z",
                        "Ed Sheeran",
                        "Billie Eilish",
                        "Ariana Grande",
                        "Adele",
                        "Post Malone",
                        "Travis Scott",
                        "Nicki Minaj",
                        "Cardi B",
                        "Doja Cat",
                        "Bad Bunny",
                        "Justin Bieber",
                        "Sabrina Carpenter",
                        "Chappell Roan",
                        "Dua Lipa",
                        "The Weeknd",
                        "Miley Cyrus",
                        "Lady Gaga",
                        "Kendrick Lamar",
                        "Ozzy Osbourne",
                        "Freddie Mercury",
                        "Elvis Presley",
                        "Bob Marley",
                        "Frank Sinatra",
                        "MrBeast",
                        "PewDiePie",
                        "Kai Cenat",
                        "IShowSpeed",
                        "Markiplier",
                        "Jacksepticeye",
                        "KSI",
                        "Logan Paul",
                        "Jake Paul",
                        "Dream (Minecraft)",
                        "Corpse Husband",
                        "xQc",
                        "Pokimane",
                        "Valkyrae",
                        "Ninja",
                        "Joe Scott",
                        "Linus (LTT)",
                        "Ryan Reynolds",
                        "Tom Hanks",
                        "Robert Downey Jr.",
                        "Will Smith",
                        "Denzel Washington",
                        "Leonardo DiCaprio",
                        "Brad Pitt",
                        "Keanu Reeves",
                        "Nicolas Cage",
                        "Al Pacino",
                        "Robert De Niro",
                        "Arnold Schwarzenegger",
                        "Sylvester Stallone",
                        "Vin Diesel",
                        "Jason Statham",
                        "Tom Cruise",
                        "Johnny Depp",
                        "Scarlett Johansson",
                        "Angelina Jolie",
                        "Jennifer Aniston",
                        "Emma Watson",
                        "Margot Robbie",
                        "Sydney Sweeney",
                        "Zendaya",
                        "Timothee Chalamet",
                        "Pedro Pascal",
                        "Oscar Isaac",
                        "Benedict Cumberbatch",
                        "Ian McKellen",
                        "Patrick Stewart",
                        "Christopher Walken",
                        "Matthew McConaughey",
                        "Harrison Ford",
                        "Mark Wahlberg",
                        "Owen Wilson",
                        "Seth Rogen",
                        "Kevin Hart",
                        "Adam Sandler",
                        "Jim Carrey",
                        "Eddie Murphy",
                        "Robin Williams",
                        "Will Ferrell",
                        "Melissa McCarthy",
                        "Awkwafina",
                        "Jason Momoa",
                        "Idris Elba",
                        "Tom Hardy",
                        "Michael B. Jordan",
                        "Austin Butler",
                        "Glen Powell",
                        "Paul Giamatti",
                        "Bryan Cranston",
                        "Bob Odenkirk",
                        "Vladimir Putin",
                        "Queen Elizabeth II",
                        "Winston Churchill",
                        "Martin Luther King Jr.",
                        "Kamala Harris",
                        "Bernie Sanders",
                        "Alexandria Ocasio-Cortez",
                        "Narendra Modi",
                        "Oprah Winfrey",
                        "Ellen DeGeneres",
                        "Dr. Phil",
                        "Steve Harvey",
                        "Trevor Noah",
                        "John Oliver",
                        "James Corden",
                        "Ryan Seacrest",
                        "Howard Stern",
                        "Conan O'Brien",
                        "Seth Meyers",
                        "Bill Nye",
                        "Neil deGrasse Tyson",
                        "Guy Fieri",
                        "Dave Chappelle",
                        "Chris Rock",
                        "Jerry Seinfeld",
                        "Ali Wong",
                        "John Mulaney",
                        "Hasan Minhaj",
                        "Nikki Glaser",
                        "Matt Rife",
                        "Gabriel Iglesias",
                        "Bo Burnham",
                        "Jeff Bezos",
                        "Bill Gates",
                        "Steve Jobs",
                        "Tim Cook",
                        "Sam Altman",
                        "Jensen Huang",
                        "Gilbert Gottfried",
                        "James May",
                        "Jeremy Clarkson",
                        "Richard Hammond",
                        "Bob Ross",
                        "Anthony Bourdain",
                        "David Goggins",
                        "Jordan Peterson",
                        "Joe Pesci",
                        "Danny DeVito",
                        "Seth MacFarlane",
                        "Patrick Warburton",
                        "Keith David",
                        "Mark Hamill",
                        "Liam Neeson",
                        "Antonio Banderas",
                        "Sofia Vergara",
                        "Penelope Cruz",
                        "Gal Gadot",
                        "Cate Blanchett",
                        "Viola Davis",
                        "Meryl Streep",
                        "Sandra Bullock",
                        "Reese Witherspoon",
                        "Salma Hayek",
                        "Lupita Nyong'o",
                        "Florence Pugh",
                        "Jenna Ortega",
                        "Ana de Armas",
                        "Jacob Elordi",
                        "Barry White",
                        "Dolly Parton",
                        "Willie Nelson",
                        "Lil Wayne",
                        "50 Cent",
                        "Ice Cube",
                        "Tupac Shakur",
                        "Notorious B.I.G.",
                        "Bob Dylan",
                        "David Bowie",
                        "Michael Jackson",
                        "Whitney Houston",
                        "Amy Winehouse",
                        "SZA",
                        "Tyler, The Creator",
                        "Thanos",
                        "Tony Stark",
                        "Captain Jack Sparrow",
                        "Walter White",
                        "Tommy Shelby",
                        "Michael Scott",
                        "Dwight Schrute",
                        "Bowser",
                        "Usain Bolt",
                        "Tyson Fury",
                        "Dana White",
                        "Pat McAfee",
                        "Giannis Antetokounmpo",
                        "Lex Fridman",
                        "Ben Shapiro",
                        "Tucker Carlson",
                        "Martha Stewart",
                        "Gordon Lightfoot",
                        "Lizzo",
                        "Megan Thee Stallion",
                        "Ice Spice",
                        "21 Savage",
                        "Metro Boomin",
                        "Jack Harlow",
                        "Peso Pluma",
                        "BTS Jungkook",
                        "Quentin Tarantino",
                        "Werner Herzog",
                        "Anderson Cooper",
                        "Rachel Maddow",
                        "Mahatma Gandhi",
                        "Muhammad Ali",
                        "Princess Diana",
                        "Nelson Mandela",
                        "Steve Irwin",
                        "Morty Smith",
                        "Andrew Huberman",
                        "Willem Dafoe",
                        "Mike Rowe",
                        "Terminator",
                        "Deadpool",
                        "Plankton",
                        "Mr. Krabs",
                        "Picard",
                    ],
                },
            },
            "required": ["prompt", "voice_name"],
            "additionalProperties": False,
        },
    },
    "required": ["style"],
    "additionalProperties": False,
}

# The API's conventions for waiting on audio projects: how to poll them, where their outputs are.
_WORKFLOW_CONVENTIONS = WorkflowConventions(
    schedule=conventions.SCHEDULES["audio"],
    complete_status=conventions.COMPLETE_STATUS,
    terminal_statuses=conventions.TERMINAL_STATUSES,
    outputs="downloads",
    uploads=conventions.UPLOADS,
    resume="client.v1.audio_projects.check_result",
)


class AiVoiceGeneratorClient:
    """`client.v1.ai_voice_generator`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        style: V1AiVoiceGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AudioProjectsGetResponseWithDownloads:
        """
        AI Voice Generator: create, wait for the result, download it.

        1. Creates the project with `client.v1.ai_voice_generator.create`.
        2. Polls `client.v1.audio_projects.get` until the project is complete, errored or canceled.
        3. Downloads its outputs to `download_directory`.

        POST /v1/ai-voice-generator

        Takes the arguments of `AiVoiceGeneratorClient.create` (documented there), and these.

        Args:
            wait_for_completion: Wait until the project is complete, errored or canceled.
            download_outputs: Download the outputs of a complete project.
            download_directory: Where to save the outputs (default: the current directory); created if missing. An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.
            wait_timeout: Seconds to wait for the project before GenerationTimeoutError (default: 10 minutes for images, 1 hour for videos, 20 minutes for audio).
            poll_interval: Seconds between the first status checks, backing off from there (default: 2 s growing to 3 s for images, 5 s growing to 10 s for videos, 2 s growing to 5 s for audio).
            on_progress: Called with a `Progress` on each status change and as each chunk of an output is saved.
            request_options: Additional options for each request (timeout, retries, headers).

        Returns:
            V1AudioProjectsGetResponseWithDownloads: the project as last fetched; `downloaded_paths` lists the saved files (None when nothing was downloaded). A project that ends in `error` or `canceled` is returned too: check `status` and `error`.

        Raises:
            RequestValidationError: an argument breaks the spec, or a local file is missing or of a type the API does not take; nothing was sent.
            UploadError: a local file could not be uploaded; no project was created.
            GenerationTimeoutError: the project did not finish within `wait_timeout`.
            DownloadError: an output could not be downloaded; no partial file is left.
            GenerationInterrupted: Ctrl-C while waiting; it carries the project id.
            APIStatusError: as `AiVoiceGeneratorClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.ai_voice_generator.generate(
            style={"prompt": "Hello, how are you?", "voice_name": "Elon Musk"},
            name="My Voice Generator audio",
            wait_for_completion=True,
            download_outputs=True,
            download_directory="outputs",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "style": style,
                },
                ("name",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        workflow = SyncWorkflow(
            self._base_client,
            _WORKFLOW_CONVENTIONS,
            get_project=AudioProjectsClient(base_client=self._base_client).get,
            create_upload_urls=None,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        created = self.create(
            style=style,
            name=name,
            request_options=request_options,
        )
        return workflow.finish(created.id, V1AudioProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        style: V1AiVoiceGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiVoiceGeneratorCreateResponse:
        """
        AI Voice Generator

        Generate speech from text. Each character costs 0.1 credits. The cost is rounded up to the nearest whole number.

        POST /v1/ai-voice-generator

        Args:
            style: The content used to generate speech.
            name: Give your audio a custom name for easy identification. Defaults to "Voice Generator - dateTime" (applied by the API).
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AiVoiceGeneratorCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.ai_voice_generator.create(
            style={"prompt": "Hello, how are you?", "voice_name": "Elon Musk"},
            name="My Voice Generator audio",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "style": style,
                },
                ("name",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        return self._base_client.request(
            "POST",
            "/v1/ai-voice-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncAiVoiceGeneratorClient:
    """`client.v1.ai_voice_generator` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        style: V1AiVoiceGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AudioProjectsGetResponseWithDownloads:
        """
        AI Voice Generator: create, wait for the result, download it.

        The async form of `AiVoiceGeneratorClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_voice_generator.generate(
            style={"prompt": "Hello, how are you?", "voice_name": "Elon Musk"},
            name="My Voice Generator audio",
            wait_for_completion=True,
            download_outputs=True,
            download_directory="outputs",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "style": style,
                },
                ("name",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        workflow = AsyncWorkflow(
            self._base_client,
            _WORKFLOW_CONVENTIONS,
            get_project=AsyncAudioProjectsClient(base_client=self._base_client).get,
            create_upload_urls=None,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        created = await self.create(
            style=style,
            name=name,
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1AudioProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        style: V1AiVoiceGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiVoiceGeneratorCreateResponse:
        """
        AI Voice Generator

        The async form of `AiVoiceGeneratorClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_voice_generator.create(
            style={"prompt": "Hello, how are you?", "voice_name": "Elon Musk"},
            name="My Voice Generator audio",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "style": style,
                },
                ("name",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        return await self._base_client.request(
            "POST",
            "/v1/ai-voice-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
